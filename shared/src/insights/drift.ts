/**
 * Drift per team and measure: a standardized EWMA chart of each visible cycle's team mean
 * against the team's own rolling baseline. Only visible cells are read (visibleMoments):
 * a suppressed cycle is a gap, the chart neither sees nor carries figures from it.
 *
 * Baseline at cycle t: the `baselineCycles` most recent VISIBLE cycles of the team that lie at
 * least `baselineGap` cycles before t. The gap keeps a drift that has just begun out of its own
 * baseline until the chart has had time to see it; the rolling window lets a team's "normal"
 * follow slow, lasting change (a level held for a year becomes the new baseline).
 * μ0 shrinks toward the organisation's average team (empirical Bayes): the team's own baseline
 * mean gets weight w = τ² / (τ² + σ²/N), N = respondents in the window, σ² the team's
 * within-cycle variance; the average and the between-team variance τ² are estimated each cycle
 * from all charted teams' own baselines (method of moments). A small team's noisy baseline is pulled toward the
 * organisation; a large team keeps its own. w never drops below minOwnWeight. σ is the pooled
 * within-cycle SD of the window, never below `sigmaFloor` points, so a team that answered
 * identically for months cannot turn a one-point wobble into a "50σ" signal.
 */
import { visibleMoments, type CycleAggregate, type Measure } from './aggregate.js';
import { ewmaStep, standardizedMean, type EwmaParams } from './ewma.js';
import { fortressIndex } from './fortress.js';
import type { PartnerAggregate } from './partner.js';

export const chartedMeasures = [
  'autonomy',
  'competence',
  'relatedness',
  'openness',
  'autonomy_frustration',
  'competence_frustration',
  'retreat',
  'pressure',
] as const satisfies readonly Measure[];
export type ChartedMeasure = (typeof chartedMeasures)[number];
const C = chartedMeasures.length;

export interface DriftParams extends EwmaParams {
  baselineCycles: number;
  baselineGap: number;
  /** The team's own baseline keeps at least this weight, however noisy it is. */
  minOwnWeight: number;
  /** Fewer charted teams than this and τ² is not estimated: no shrinkage. */
  minTeamsForShrinkage: number;
  sigmaFloor: number;
}

/** The chosen chart settings; docs/insights.md explains the choice with the simulation. */
export const defaultDriftParams: DriftParams = {
  lambda: 0.3,
  L: 3.2,
  baselineCycles: 6,
  baselineGap: 6,
  minOwnWeight: 0.5,
  minTeamsForShrinkage: 10,
  sigmaFloor: 5,
};

export interface MeasureDrift {
  mean: number;
  n: number;
  /** μ0 after shrinkage. */
  baseline: number;
  sigma: number;
  /** mean − μ0, points. */
  change: number;
  /** EWMA (same λ) of mean − μ0 in points: the level the chart currently believes in. */
  smoothedChange: number;
  ewma: number;
  /** EWMA in its own standard deviations. */
  score: number;
  signal: -1 | 0 | 1;
}

export interface ParticipationPoint {
  rate: number | null;
  baselineRate: number | null;
  /** Binomial z of this cycle's rate against the baseline rate. */
  z: number | null;
}

/** The partner chart: the provider's partner-rated responsiveness against its own baseline. */
export type PartnerDrift = MeasureDrift & { raterTeams: number };

/**
 * The view from outside, present once a team's partner chart has started (a visible partner
 * score with a ready baseline). `combined` is the retreat chart with the partner chart's
 * evidence added: each cycle z = (z_retreat + z_partner) / √2 when both are read, else
 * whichever one is (Stouffer); both are N(0, 1) in control, so the chart's limits still hold.
 */
export interface OutsideDrift {
  /** This cycle's partner chart reading, when the partner score is visible. */
  partner?: PartnerDrift;
  /** The partner chart's smoothed change, as of its latest reading. */
  partnerSmoothed: number;
  combined: { ewma: number; score: number; signal: -1 | 0 | 1; sources: 'own' | 'partner' | 'both' };
}

export interface DriftPoint {
  teamId: string;
  cycleIndex: number;
  cycleId: string;
  visible: boolean;
  invited: number;
  responded: number;
  /** Present when visible and the baseline is ready. */
  measures?: Record<ChartedMeasure, MeasureDrift>;
  fortressIndex?: number;
  participation: ParticipationPoint;
  outside?: OutsideDrift;
}

interface VisibleRecord {
  t: number;
  n: number;
  means: Float64Array;
  m2: Float64Array;
}

interface TeamState {
  visible: VisibleRecord[];
  counts: { t: number; invited: number; responded: number }[];
  started: boolean;
  ewma: Float64Array;
  smoothed: Float64Array;
  points: DriftPoint[];
  /** The partner chart: visible partner cycles, its EWMA and smoothed change. */
  partner: { visible: VisibleRecord[]; started: boolean; ewma: Float64Array; smoothed: Float64Array };
  /** The combined chart (retreat + partner evidence); runs from the first reading of either. */
  combined: { started: boolean; ewma: number };
}

function newState(): TeamState {
  return {
    visible: [],
    counts: [],
    started: false,
    ewma: new Float64Array(C),
    smoothed: new Float64Array(C),
    points: [],
    partner: { visible: [], started: false, ewma: new Float64Array(1), smoothed: new Float64Array(1) },
    combined: { started: false, ewma: 0 },
  };
}

const RETREAT = chartedMeasures.indexOf('retreat');

/**
 * Drift series for every team (not the organisation root), one point per cycle it exists in.
 * `partners[t]`, when given, holds cycle t's partner ratings: a provider's visible partner
 * score is charted like a measure and adds its evidence to the fortress signals (OutsideDrift).
 */
export function computeDrift(
  cycles: readonly CycleAggregate[],
  params: DriftParams = defaultDriftParams,
  partners: readonly (PartnerAggregate | undefined)[] = [],
): Map<string, DriftPoint[]> {
  const states = new Map<string, TeamState>();
  cycles.forEach((agg, t) => {
    const pending: Pending[] = [];
    const pendingPartner: (Pending & { raterTeams: number })[] = [];
    const tree = agg.tree;
    for (let node = 1; node < tree.ids.length; node++) {
      const teamId = tree.ids[node]!;
      let state = states.get(teamId);
      if (!state) states.set(teamId, (state = newState()));
      const invited = agg.invited[node]!;
      const responded = agg.suppression.n[node]!;
      const participation = participationPoint(state, t, invited, responded, params);
      state.counts.push({ t, invited, responded });
      const point: DriftPoint = {
        teamId,
        cycleIndex: t,
        cycleId: agg.cycleId,
        visible: agg.suppression.visible[node]!,
        invited,
        responded,
        participation,
      };
      state.points.push(point);

      // The partner score comes from other teams, so it is read even when the team's own cell is not.
      const provider = partners[t]?.providers.get(teamId);
      if (provider?.moments) {
        const record: VisibleRecord = { t, n: provider.moments.n, means: Float64Array.of(provider.moments.mean), m2: Float64Array.of(provider.moments.m2) };
        const raw = rawBaseline(state.partner.visible, t, params);
        state.partner.visible.push(record);
        if (raw) pendingPartner.push({ state, record, raw, point, raterTeams: provider.raterTeams });
      }
      if (!point.visible) continue; // a gap: nothing is read, the chart does not move

      const record = readRecord(agg, node, t);
      const raw = rawBaseline(state.visible, t, params);
      state.visible.push(record);
      if (raw) pending.push({ state, record, raw, point });
    }

    const prior = organisationPrior(pending.map((p) => p.raw), params);
    const zOwn = new Map<TeamState, number>();
    for (const { state, record, raw, point } of pending) zOwn.set(state, chartStep(state, record, raw, prior, point, params));
    const partnerPrior = organisationPrior(pendingPartner.map((p) => p.raw), params);
    const zPartner = new Map<TeamState, { z: number; drift: PartnerDrift }>();
    for (const p of pendingPartner) zPartner.set(p.state, partnerStep(p.state, p.record, p.raw, partnerPrior, params, p.raterTeams));
    for (const state of new Set([...zOwn.keys(), ...zPartner.keys()])) {
      combinedStep(state, state.points[state.points.length - 1]!, zOwn.get(state), zPartner.get(state), params);
    }
  });
  return new Map([...states].map(([id, s]) => [id, s.points]));
}

interface Pending {
  state: TeamState;
  record: VisibleRecord;
  raw: RawBaseline;
  point: DriftPoint;
}

/** Empirical Bayes baseline of measure c: the team's own mean shrunk toward the organisation's. */
function shrunkBaseline(raw: RawBaseline, prior: Prior | null, c: number, p: DriftParams): number {
  const noise = raw.variance[c]! / raw.n;
  // Weight on the team's own mean = τ² / (τ² + σ²/N), never below minOwnWeight.
  const w = prior ? Math.max(p.minOwnWeight, prior.tau2[c]! / (prior.tau2[c]! + noise)) : 1;
  return prior ? w * raw.own[c]! + (1 - w) * prior.mean[c]! : raw.own[c]!;
}

/** One chart reading of measure c, advancing the given EWMA and smoothed-change state. */
function readChart(
  chart: { ewma: Float64Array; smoothed: Float64Array },
  c: number,
  record: VisibleRecord,
  raw: RawBaseline,
  prior: Prior | null,
  params: DriftParams,
): { z: number; drift: MeasureDrift } {
  const sigma = Math.sqrt(raw.variance[c]!);
  const mu0 = shrunkBaseline(raw, prior, c, params);
  const mean = record.means[c]!;
  const step = ewmaStep(chart.ewma[c]!, standardizedMean(mean, mu0, sigma, record.n), params);
  chart.ewma[c] = step.ewma;
  const change = mean - mu0;
  chart.smoothed[c] = params.lambda * change + (1 - params.lambda) * chart.smoothed[c]!;
  return {
    z: step.z,
    drift: {
      mean,
      n: record.n,
      baseline: mu0,
      sigma,
      change,
      smoothedChange: chart.smoothed[c]!,
      ewma: step.ewma,
      score: step.score,
      signal: step.signal,
    },
  };
}

/** The partner chart's reading this cycle; it starts (E_0 = 0) at its first ready baseline. */
function partnerStep(
  state: TeamState,
  record: VisibleRecord,
  raw: RawBaseline,
  prior: Prior | null,
  params: DriftParams,
  raterTeams: number,
): { z: number; drift: PartnerDrift } {
  const chart = state.partner;
  if (!chart.started) {
    chart.started = true;
    chart.ewma.fill(0);
    chart.smoothed.fill(0);
  }
  const { z, drift } = readChart(chart, 0, record, raw, prior, params);
  return { z, drift: { ...drift, raterTeams } };
}

/** Advances the combined chart and, once the partner chart has started, fills `point.outside`. */
function combinedStep(
  state: TeamState,
  point: DriftPoint,
  zOwn: number | undefined,
  partner: { z: number; drift: PartnerDrift } | undefined,
  params: DriftParams,
): void {
  const zs = [zOwn, partner?.z].filter((z): z is number => z !== undefined);
  if (!state.combined.started) {
    state.combined.started = true;
    state.combined.ewma = 0;
  }
  const step = ewmaStep(state.combined.ewma, zs.reduce((a, b) => a + b, 0) / Math.sqrt(zs.length), params);
  state.combined.ewma = step.ewma;
  if (!state.partner.started) return; // no partner evidence yet: the retreat chart says it all
  const partnerSmoothed = state.partner.smoothed[0]!;
  point.outside = {
    ...(partner ? { partner: partner.drift } : {}),
    partnerSmoothed,
    combined: { ewma: step.ewma, score: step.score, signal: step.signal, sources: zs.length === 2 ? 'both' : zOwn === undefined ? 'partner' : 'own' },
  };
  const m = point.measures;
  if (m) {
    point.fortressIndex = fortressIndex({
      relatedness: m.relatedness.smoothedChange,
      openness: m.openness.smoothedChange,
      autonomy: m.autonomy.smoothedChange,
      partner: partnerSmoothed,
    });
  }
}

/** The team's own charts this cycle; resolves the retreat chart's z for the combined chart. */
function chartStep(state: TeamState, record: VisibleRecord, raw: RawBaseline, prior: Prior | null, point: DriftPoint, params: DriftParams): number {
  if (!state.started) {
    state.started = true; // zero state: E_0 = 0 at the first monitored cycle
    state.ewma.fill(0);
    state.smoothed.fill(0);
  }
  const measures = {} as Record<ChartedMeasure, MeasureDrift>;
  let zRetreat = 0;
  for (let c = 0; c < C; c++) {
    const { z, drift } = readChart(state, c, record, raw, prior, params);
    measures[chartedMeasures[c]!] = drift;
    if (c === RETREAT) zRetreat = z;
  }
  point.measures = measures;
  point.fortressIndex = fortressIndex({
    relatedness: measures.relatedness.smoothedChange,
    openness: measures.openness.smoothedChange,
    autonomy: measures.autonomy.smoothedChange,
  });
  return zRetreat;
}

function readRecord(agg: CycleAggregate, node: number, t: number): VisibleRecord {
  const means = new Float64Array(C);
  const m2 = new Float64Array(C);
  let n = 0;
  chartedMeasures.forEach((m, c) => {
    const mo = visibleMoments(agg, node, m)!;
    n = mo.n;
    means[c] = mo.mean;
    m2[c] = mo.m2;
  });
  return { t, n, means, m2 };
}

/** A team's own baseline before shrinkage. */
interface RawBaseline {
  n: number;
  own: Float64Array;
  /** Pooled within-cycle variance, floored at sigmaFloor². */
  variance: Float64Array;
}

function rawBaseline(history: readonly VisibleRecord[], t: number, p: DriftParams): RawBaseline | null {
  const window: VisibleRecord[] = [];
  for (let i = history.length - 1; i >= 0 && window.length < p.baselineCycles; i--) {
    if (history[i]!.t <= t - p.baselineGap) window.push(history[i]!);
  }
  if (window.length < p.baselineCycles) return null;
  const width = window[0]!.means.length;
  const own = new Float64Array(width);
  const variance = new Float64Array(width);
  let total = 0;
  let dof = 0;
  for (const r of window) {
    total += r.n;
    dof += r.n - 1;
  }
  for (let c = 0; c < width; c++) {
    let sum = 0;
    let m2 = 0;
    for (const r of window) {
      sum += r.n * r.means[c]!;
      m2 += r.m2[c]!;
    }
    own[c] = sum / total;
    variance[c] = Math.max(p.sigmaFloor ** 2, dof > 0 ? m2 / dof : 0);
  }
  return { n: total, own, variance };
}

/** The organisation's average team (the shrinkage target) and the between-team variance τ². */
interface Prior {
  mean: Float64Array;
  tau2: Float64Array;
}

/**
 * Method of moments over the teams charted this cycle (all from visible cells): the target is
 * the mean of their own baselines; τ² is the spread of those baselines around it minus the part
 * sampling noise explains. null (no shrinkage) when too few teams to tell.
 */
function organisationPrior(raws: readonly RawBaseline[], p: DriftParams): Prior | null {
  if (raws.length < p.minTeamsForShrinkage) return null;
  const width = raws[0]!.own.length;
  const mean = new Float64Array(width);
  const tau2 = new Float64Array(width);
  for (let c = 0; c < width; c++) {
    let sum = 0;
    for (const r of raws) sum += r.own[c]!;
    mean[c] = sum / raws.length;
    let spread = 0;
    let noise = 0;
    for (const r of raws) {
      spread += (r.own[c]! - mean[c]!) ** 2;
      noise += r.variance[c]! / r.n;
    }
    tau2[c] = Math.max(0, (spread - noise) / raws.length);
  }
  return { mean, tau2 };
}

function participationPoint(state: TeamState, t: number, invited: number, responded: number, p: DriftParams): ParticipationPoint {
  const rate = invited > 0 ? responded / invited : null;
  let inv = 0;
  let resp = 0;
  let used = 0;
  for (let i = state.counts.length - 1; i >= 0 && used < p.baselineCycles; i--) {
    const c = state.counts[i]!;
    if (c.t > t - p.baselineGap || c.invited === 0) continue;
    inv += c.invited;
    resp += c.responded;
    used++;
  }
  if (used < p.baselineCycles || rate === null) return { rate, baselineRate: null, z: null };
  const baselineRate = resp / inv;
  // Keep the variance away from 0 when the baseline was all-or-nothing.
  const q = Math.min(0.95, Math.max(0.05, baselineRate));
  return { rate, baselineRate, z: (rate - baselineRate) / Math.sqrt((q * (1 - q)) / invited) };
}

