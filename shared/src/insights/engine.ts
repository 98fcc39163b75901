/**
 * The whole pipeline for a run of cycles: aggregate and suppress each cycle once, chart the
 * visible cells, raise alerts. Pure and deterministic: the same input gives the same output.
 */
import type { Construct } from '../questionnaire.js';
import { aggregateCycle, cellScores, type CycleAggregate, type ScoreSummary, type TeamCycleInput } from './aggregate.js';
import { aggregateAlignment, visibleAlignment, type AlignmentAggregate } from './alignment.js';
import { alertKinds, alertsForTeam, defaultAlertRules, type Alert, type AlertRules, type CustomerMix } from './alerts.js';
import { defaultThreshold, validateThreshold, type SuppressionReason } from './anonymity.js';
import { computeDrift, defaultDriftParams, type DriftParams, type DriftPoint } from './drift.js';
import { cellItems, rollUpItems, type EnpsScore, type ItemScore, type ItemsInput } from './instrument.js';
import { addVisible, addVisiblePartners, restrictPartners, restrictSuppression, thresholdFor, type Publication } from './ledger.js';
import { aggregatePartners, partnerSummary, type PartnerAggregate, type PartnerCellInput, type PartnerSummary } from './partner.js';
import type { Moments } from './stats.js';
import { buildTeamTree, type TeamRef, type TeamTree } from './tree.js';

export interface CycleInput {
  cycleId: string;
  label?: string;
  /** The hierarchy as it was this cycle; defaults to InsightsInput.teams. */
  teams?: readonly TeamRef[];
  /** Each team's own invited count and scored responses (not its sub-teams'). */
  byTeam: ReadonlyMap<string, TeamCycleInput>;
  /** Partner ratings: per provider and customer team, the moments of their 0–100 scores. */
  partners?: readonly PartnerCellInput[];
  /** Each team's own values-alignment answers (0–100), for teams that have values. */
  alignment?: ReadonlyMap<string, Moments>;
  /** Each team's own answers to eNPS and HR's questions (shown only where the cell is, see instrument.ts). */
  items?: ItemsInput;
  /**
   * What this cycle already published (the ledger), when it did: its decisions are then made
   * at no lower a threshold and show only cells it published, with the same n.
   */
  published?: Publication;
}

export interface InsightsInput {
  teams: readonly TeamRef[];
  /** Oldest first. */
  cycles: readonly CycleInput[];
  threshold?: number;
  drift?: DriftParams;
  rules?: AlertRules;
  /** Each provider team's customers by relationship (the customer map), for alert actions. */
  customers?: ReadonlyMap<string, CustomerMix>;
}

/** One point of a team's trend, in the shape of the trends series (zTrendPoint, shared/src/api/insights.ts). */
export interface TrendPoint {
  cycleId: string;
  label: string;
  invited: number;
  responded: number;
  suppressed: boolean;
  reason?: SuppressionReason;
  message?: string;
  scores?: Record<Construct, ScoreSummary>;
  fortressIndex?: number;
  /** The partner-rated responsiveness, when shown (≥ k ratings from ≥ 2 customer teams). */
  partner?: PartnerSummary;
  /** Values alignment, when the team's values-alignment answers may be shown. */
  alignment?: ScoreSummary;
  /** eNPS, in a visible cell whose every respondent answered it. */
  enps?: EnpsScore;
  /** HR's questions, each in a visible cell whose every respondent answered it. */
  customItems?: ItemScore[];
}

export interface InsightsResult {
  threshold: number;
  aggregates: CycleAggregate[];
  /** Per cycle: partner figures (only for cycles with partner input). */
  partners: (PartnerAggregate | undefined)[];
  /** Per cycle: values alignment (only for cycles with alignment input). */
  alignment: (AlignmentAggregate | undefined)[];
  /** Trend per team id, the organisation (ORGANISATION_ID) included. */
  trends: Map<string, TrendPoint[]>;
  drift: Map<string, DriftPoint[]>;
  /** Sorted by team, cycle, kind. */
  alerts: Alert[];
  /** Per cycle: the threshold its decisions were made at and every cell they show. */
  publications: Publication[];
}

/** Runs scoring roll-ups, suppression, charts and alerts over a run of cycles. */
export function runInsights(input: InsightsInput): InsightsResult {
  const threshold = validateThreshold(input.threshold ?? defaultThreshold);
  const drift = input.drift ?? defaultDriftParams;
  const rules = input.rules ?? { ...defaultAlertRules, L: drift.L };
  const trees = new Map<readonly TeamRef[], TeamTree>();
  const treeFor = (teams: readonly TeamRef[]) => {
    let tree = trees.get(teams);
    if (!tree) trees.set(teams, (tree = buildTeamTree(teams)));
    return tree;
  };
  const thresholds = input.cycles.map((c) => thresholdFor(threshold, c.published));
  const aggregates = input.cycles.map((c, t): CycleAggregate => {
    const agg = aggregateCycle(c.cycleId, treeFor(c.teams ?? input.teams), c.byTeam, thresholds[t]!, c.label);
    return { ...agg, suppression: restrictSuppression(agg.suppression, c.published, 'scores') };
  });
  const partners = input.cycles.map((c, t) =>
    c.partners ? restrictPartners(aggregatePartners(c.cycleId, c.partners, thresholds[t]!), c.published) : undefined,
  );
  const alignment = input.cycles.map((c, t): AlignmentAggregate | undefined => {
    if (!c.alignment) return undefined;
    const agg = aggregateAlignment(c.cycleId, aggregates[t]!.tree, c.alignment, thresholds[t]!);
    return { ...agg, suppression: restrictSuppression(agg.suppression, c.published, 'alignment') };
  });
  const publications = aggregates.map((agg, t): Publication => {
    const cells = new Map<string, number>();
    addVisible(cells, agg.suppression, 'scores');
    const aligned = alignment[t];
    if (aligned) addVisible(cells, aligned.suppression, 'alignment', (node) => agg.suppression.visible[node]!);
    addVisiblePartners(cells, partners[t]);
    return { threshold: thresholds[t]!, cells };
  });

  const driftSeries = computeDrift(aggregates, drift, partners);
  const fortressByTeamCycle = new Map<string, number>();
  for (const points of driftSeries.values()) {
    for (const p of points) if (p.fortressIndex !== undefined) fortressByTeamCycle.set(`${p.teamId}\u0000${p.cycleId}`, p.fortressIndex);
  }

  const trends = new Map<string, TrendPoint[]>();
  aggregates.forEach((agg, t) => {
    const items = input.cycles[t]!.items;
    const itemTotals = items && rollUpItems(agg.tree, items);
    agg.tree.ids.forEach((teamId, node) => {
      const cell = cellScores(agg, node);
      const point: TrendPoint = {
        cycleId: agg.cycleId,
        label: agg.label,
        invited: cell.invited,
        responded: cell.n,
        suppressed: !cell.visible,
      };
      if (cell.visible) {
        point.scores = cell.scores;
        const fortress = fortressByTeamCycle.get(`${teamId}\u0000${agg.cycleId}`);
        if (fortress !== undefined) point.fortressIndex = fortress;
      } else {
        point.reason = cell.reason;
        point.message = cell.message;
      }
      const partner = partnerSummary(partners[t]?.providers.get(teamId));
      if (partner) point.partner = partner;
      const aligned = alignment[t] && visibleAlignment(alignment[t], node, cell.visible);
      if (aligned) point.alignment = aligned;
      if (itemTotals) Object.assign(point, cellItems(itemTotals[node]!, cell.n, cell.visible, items!.custom));
      let list = trends.get(teamId);
      if (!list) trends.set(teamId, (list = []));
      list.push(point);
    });
  });

  const alerts: Alert[] = [];
  for (const [teamId, points] of driftSeries) alerts.push(...alertsForTeam(points, rules, input.customers?.get(teamId)));
  const kindOrder = (k: Alert['kind']) => alertKinds.indexOf(k);
  alerts.sort((a, b) =>
    a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : a.cycleIndex - b.cycleIndex || kindOrder(a.kind) - kindOrder(b.kind),
  );
  return { threshold, aggregates, partners, alignment, trends, drift: driftSeries, alerts, publications };
}
