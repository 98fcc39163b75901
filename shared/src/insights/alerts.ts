/**
 * Alerts from drift points: pure, deterministic, one alert per (team, cycle, kind) at most.
 * Every figure in a summary comes from a visible cell (or from invited/responded counts, which
 * every trends point shows: zTrendPoint in shared/src/api/insights.ts); a suppressed cycle is named only as a gap.
 */
import type { Construct } from '../questionnaire.js';
import { defaultDriftParams, type ChartedMeasure, type DriftPoint, type MeasureDrift, type PartnerDrift } from './drift.js';
import { remedies } from './remedies.js';
import { alertLevels, type AlertKind, type AlertLevel } from '../vocabulary.js';

export { remedies, remedyAnchor, remedyAnchors } from './remedies.js';

export { alertKinds, alertLevels, type AlertKind, type AlertLevel } from '../vocabulary.js';

export interface AlertSignal {
  /** The construct that moved; `participation` for the response rate. */
  construct: Construct | 'participation';
  /**
   * Set when the signal is about a facet rather than the construct score; `partner` is the
   * team's openness as the teams that rely on it rate its responsiveness.
   */
  facet?: 'frustration' | 'partner';
  /** Change from the baseline: points (0–100), or percentage points for participation. */
  change: number;
  evidence: string;
}

export interface Alert {
  /** Stable upsert key: `${teamId}:${cycleId}:${kind}`. */
  key: string;
  teamId: string;
  cycleId: string;
  cycleIndex: number;
  kind: AlertKind;
  level: AlertLevel;
  summary: string;
  signals: AlertSignal[];
  actions: string[];
}

/** A team's internal customers on the map, by relationship: what a fortress alert's actions fit. */
export interface CustomerMix {
  driveThru: number;
  strategic: number;
}

/**
 * A fortress team's actions from its customer map: mostly drive-thru customers point at a
 * request menu and automating routine requests; strategic partners at a standing joint review.
 * Without a map, the four remedies in their order, starting with knowing the customers.
 */
export function fortressActions(mix: CustomerMix | undefined): string[] {
  if (!mix || mix.driveThru + mix.strategic === 0)
    return [remedies.customers, remedies.sortByNeed, remedies.automate, remedies.sharedValues];
  const actions: string[] = [];
  if (mix.driveThru > mix.strategic) actions.push(remedies.requestMenu, remedies.automate);
  if (mix.strategic > 0) actions.push(remedies.jointReview);
  if (mix.driveThru > 0 && mix.driveThru <= mix.strategic) actions.push(remedies.automate);
  actions.push(remedies.sharedValues);
  return actions;
}

export interface AlertRules {
  /** The chart limit, in EWMA standard deviations. */
  L: number;
  /** Extra standard deviations a single need must fall beyond L for a warning. */
  needWarningMargin: number;
  /** Smallest smoothed fall, in points, for a need_drop warning: significant is not enough. */
  needWarningPoints: number;
  /** Smallest smoothed rise of the pressure composite, in points, for a pressure warning. */
  pressureWarningPoints: number;
  /** Extra standard deviations beyond L the pressure composite needs for a warning. */
  pressureWarningMargin: number;
  /** Smallest smoothed fall of relatedness and openness together, in points, for a fortress warning. */
  fortressWarningPoints: number;
  /** Response-rate fall (fraction) and binomial z for a participation watch. */
  participationDrop: number;
  participationZ: number;
  /** Teams with fewer invited than this get no participation alerts: one absence swings their rate. */
  participationMinInvited: number;
  /** How many cycles back "pressure signs before" may lie. */
  pressureLookback: number;
  /** A self-vs-partner gap is named when partners' view fell this many points more than the team's own. */
  partnerGapPoints: number;
  /** Extra standard deviations beyond L the partner chart needs to warn on its own (own cell not charted). */
  outsideOnlyMargin: number;
}

export const defaultAlertRules: AlertRules = {
  L: defaultDriftParams.L,
  needWarningMargin: 1,
  needWarningPoints: 8,
  pressureWarningPoints: 8,
  pressureWarningMargin: 0.5,
  fortressWarningPoints: 5,
  participationDrop: 0.2,
  participationZ: -2.5,
  participationMinInvited: 5,
  pressureLookback: 6,
  partnerGapPoints: 5,
  outsideOnlyMargin: 0.5,
};

/** Whether level a is at least level b. */
export function atLeast(a: AlertLevel, b: AlertLevel): boolean {
  return alertLevels.indexOf(a) >= alertLevels.indexOf(b);
}

const round = (x: number) => Math.round(x);
const pts = (x: number) => `${round(Math.abs(x))} point${round(Math.abs(x)) === 1 ? '' : 's'}`;
const sigma = (m: MeasureDrift) => `EWMA ${Math.abs(m.score).toFixed(1)}σ ${m.score < 0 ? 'below' : 'above'} baseline`;
const signed = (x: number) => (round(x) === 0 ? 'unchanged' : `${x > 0 ? '+' : '−'}${pts(x)}`);
const cycles = (k: number) => `${k} cycle${k === 1 ? '' : 's'}`;

/** One drop, one number: a signal quotes the smoothed change its alert's summary quotes, in whole points. */
function signal(construct: Construct, m: MeasureDrift, facet?: 'frustration' | 'partner'): AlertSignal {
  return {
    construct,
    ...(facet ? { facet } : {}),
    change: round(m.smoothedChange),
    evidence: `${sigma(m)} (n = ${m.n}, baseline ${m.baseline.toFixed(0)})`,
  };
}

/**
 * Start of the current run: walking back over visible monitored points while the measure
 * stays on the same side of its baseline. Returns the span in cycles and how many of those
 * cycles were suppressed gaps.
 */
function runSpan(
  points: readonly DriftPoint[],
  i: number,
  measure: ChartedMeasure | 'partner',
  direction: -1 | 1,
): { span: number; gaps: number } {
  // The partner chart reads the partner score, which has gaps of its own.
  const read = (p: DriftPoint) => (measure === 'partner' ? p.outside?.partner : p.visible ? p.measures?.[measure] : undefined);
  const shown = (p: DriftPoint) => (measure === 'partner' ? p.outside?.partner !== undefined : p.visible);
  const end = points[i]!.cycleIndex;
  let start = end;
  for (let j = i - 1; j >= 0; j--) {
    const p = points[j]!;
    if (!shown(p)) continue;
    const m = read(p);
    if (!m || Math.sign(m.smoothedChange) !== direction) break;
    start = p.cycleIndex;
  }
  let gaps = 0;
  for (let j = i - 1; j >= 0 && points[j]!.cycleIndex >= start; j--) if (!shown(points[j]!)) gaps++;
  return { span: end - start + 1, gaps };
}

const gapNote = (gaps: number) => (gaps > 0 ? `, ${gaps} of them without enough responses to show` : '');

/** Alerts for one team's drift series, in cycle order; `customers` fits a fortress alert's actions to its map. */
export function alertsForTeam(points: readonly DriftPoint[], rules: AlertRules = defaultAlertRules, customers?: CustomerMix): Alert[] {
  const out: Alert[] = [];
  points.forEach((point, i) => {
    const found = [
      fortressAlert(points, i, rules, customers),
      pressureAlert(points, i, rules),
      needDropAlert(points, i, rules),
      participationAlert(points, i, rules),
    ];
    for (const a of found) {
      if (!a) continue;
      out.push({
        key: `${point.teamId}:${point.cycleId}:${a.kind}`,
        teamId: point.teamId,
        cycleId: point.cycleId,
        cycleIndex: point.cycleIndex,
        ...a,
      });
    }
  });
  return out;
}

type Draft = Pick<Alert, 'kind' | 'level' | 'summary' | 'signals' | 'actions'>;

function pressureSignsBefore(points: readonly DriftPoint[], i: number, rules: AlertRules): number | null {
  const now = points[i]!.cycleIndex;
  for (let j = i - 1; j >= 0 && now - points[j]!.cycleIndex <= rules.pressureLookback; j--) {
    const m = points[j]!.measures;
    if (m && m.pressure.score >= (2 * rules.L) / 3) return now - points[j]!.cycleIndex;
  }
  return null;
}

function fortressAlert(points: readonly DriftPoint[], i: number, rules: AlertRules, customers?: CustomerMix): Draft | null {
  const p = points[i]!;
  const m = p.measures;
  const outside = p.outside;
  if (!m) return outside?.partner ? outsideOnlyAlert(points, i, rules, outside.partner, customers) : null;
  const rel = m.relatedness;
  const ope = m.openness;
  const aut = m.autonomy;
  const partner = outside?.partner;
  // With partner ratings, their view counts as half of openness (as in the fortress index), and
  // the combined chart (the team's own retreat plus what its partners see) is more evidence. It
  // adds, never vetoes: the team's own retreat alone still warns as it did without partners.
  const openness = outside ? (ope.smoothedChange + outside.partnerSmoothed) / 2 : ope.smoothedChange;
  const selfFalling = rel.smoothedChange < 0 && ope.smoothedChange < 0;
  const bothFalling = rel.smoothedChange < 0 && (ope.smoothedChange < 0 || (outside !== undefined && outside.partnerSmoothed < 0));
  const joint = outside?.combined.score;
  const jointChange = partner ? (m.retreat.change + partner.change) / 2 : m.retreat.change;
  // Significant is not enough in a big cell: a warning also needs a fall a person would notice.
  const warned = (score: number, change: number) => score <= -rules.L && change <= -rules.fortressWarningPoints;
  let level: AlertLevel | null = null;
  if ((selfFalling && warned(m.retreat.score, m.retreat.change)) || (bothFalling && joint !== undefined && warned(joint, jointChange)))
    level = 'warning';
  else if (
    (bothFalling && Math.min(m.retreat.score, joint ?? 0) <= (-2 * rules.L) / 3) ||
    rel.signal < 0 ||
    ope.signal < 0 ||
    (partner?.signal ?? 0) < 0
  ) {
    level = 'watch';
  }
  if (!level) return null;

  const fall = -(rel.smoothedChange + openness) / 2;
  const autonomyHolds = aut.smoothedChange >= -fall / 3;
  const before = pressureSignsBefore(points, i, rules);
  if (level === 'warning' && autonomyHolds && ((p.fortressIndex ?? 0) >= 50 || before !== null)) level = 'critical';

  const { span, gaps } = runSpan(points, i, 'retreat', -1);
  // Smoothed changes: the level the chart believes in, so the words agree with the evidence.
  const moved = `relatedness ${verb(rel.smoothedChange)} ${pts(rel.smoothedChange)} and openness ${verb(ope.smoothedChange)} ${pts(ope.smoothedChange)}`;
  // The independence reading only makes sense while both of the pair are falling.
  const autonomy = !bothFalling
    ? ''
    : autonomyHolds
      ? `, while autonomy held (${signed(aut.smoothedChange)}): independence rather than autonomy`
      : `; autonomy fell too (${pts(aut.smoothedChange)})`;
  const pressure = before !== null ? ` Pressure signs came first: autonomy and competence frustration rose ${cycles(before)} earlier.` : '';
  const withPartners =
    joint === undefined ? '' : `, ${Math.abs(joint).toFixed(1)}σ ${joint < 0 ? 'below' : 'above'} with the partners' view`;
  const evidence = `${sigma(m.retreat)} for the two together${withPartners}`;
  const summary =
    `${capitalize(moved)} over ${cycles(span)}${gapNote(gaps)} (${evidence}, ` +
    `fortress index ${round(p.fortressIndex ?? 0)})${autonomy}.${pressure}${partner ? ` ${seenFromOutside(points, i, partner, ope, rules)}` : ''}`;
  return {
    kind: 'fortress',
    level,
    summary,
    signals: [signal('relatedness', rel), signal('openness', ope), signal('autonomy', aut), ...(partner ? [partnerSignal(partner)] : [])],
    actions: fortressActions(customers),
  };
}

const partnerSignal = (partner: PartnerDrift): AlertSignal => ({
  ...signal('openness', partner, 'partner'),
  evidence: `${sigma(partner)} (${partner.n} ratings from ${partner.raterTeams} teams, baseline ${partner.baseline.toFixed(0)})`,
});

/**
 * What partners see, next to what the team says of itself, for example "Seen from outside: the
 * teams that rely on this team rate its responsiveness 14 points lower over 3 cycles (…), while
 * the team rates its own openness 2 points lower: a self-vs-partner gap 12 points wider than at
 * baseline (…)". `self` is absent when the team's own cell is not shown this cycle.
 */
function seenFromOutside(
  points: readonly DriftPoint[],
  i: number,
  partner: PartnerDrift,
  self: MeasureDrift | undefined,
  rules: AlertRules,
): string {
  const { span, gaps } = runSpan(points, i, 'partner', partner.smoothedChange < 0 ? -1 : 1);
  const direction = partner.smoothedChange < 0 ? 'lower' : 'higher';
  const rated =
    round(partner.smoothedChange) === 0
      ? 'rate its responsiveness about as before'
      : `rate its responsiveness ${pts(partner.smoothedChange)} ${direction} over ${cycles(span)}${gaps > 0 ? `, ${gaps} of them with too few ratings to show` : ''}`;
  const evidence = `(${round(partner.mean)} now from ${partner.n} ratings by ${partner.raterTeams} teams; ${sigma(partner)})`;
  let own = '';
  if (self) {
    const selfSaid =
      round(self.smoothedChange) === 0
        ? 'rates its own openness as before'
        : `rates its own openness ${pts(self.smoothedChange)} ${self.smoothedChange < 0 ? 'lower' : 'higher'}`;
    const widening = self.smoothedChange - partner.smoothedChange;
    const gap =
      widening >= rules.partnerGapPoints
        ? `: a self-vs-partner gap ${pts(widening)} wider than at baseline (the team rates its openness ${round(self.mean)}, its partners rate its responsiveness ${round(partner.mean)})`
        : '';
    own = `, while the team ${selfSaid}${gap}`;
  }
  return `Seen from outside: the teams that rely on this team ${rated} ${evidence}${own}.`;
}

/**
 * The team's own figures are not charted this cycle (too few answers to show, or no baseline
 * yet), but the teams that rely on it are: their view alone can raise a fortress alert. It
 * quotes nothing of the team's own cell.
 */
function outsideOnlyAlert(
  points: readonly DriftPoint[],
  i: number,
  rules: AlertRules,
  partner: PartnerDrift,
  customers?: CustomerMix,
): Draft | null {
  const falling = partner.smoothedChange < 0;
  let level: AlertLevel | null = null;
  if (falling && partner.score <= -(rules.L + rules.outsideOnlyMargin) && partner.change <= -rules.fortressWarningPoints) level = 'warning';
  else if (partner.signal < 0 || (falling && partner.score <= (-2 * rules.L) / 3)) level = 'watch';
  if (!level) return null;
  const why = points[i]!.visible ? "the team's own chart has no baseline yet" : "the team's own answers are too few to show this cycle";
  return {
    kind: 'fortress',
    level,
    summary: `${seenFromOutside(points, i, partner, undefined, rules)} Only the outside view is charted: ${why}.`,
    signals: [partnerSignal(partner)],
    actions: fortressActions(customers),
  };
}

function pressureAlert(points: readonly DriftPoint[], i: number, rules: AlertRules): Draft | null {
  const m = points[i]!.measures;
  if (!m) return null;
  const aut = m.autonomy_frustration;
  const com = m.competence_frustration;
  const both = aut.smoothedChange > 0 && com.smoothedChange > 0;
  let level: AlertLevel | null = null;
  if (m.pressure.score >= rules.L + rules.pressureWarningMargin && both && m.pressure.smoothedChange >= rules.pressureWarningPoints) {
    level = m.pressure.score >= rules.L + 2 && m.pressure.smoothedChange >= 2 * rules.pressureWarningPoints ? 'critical' : 'warning';
  } else if (m.pressure.score >= (2 * rules.L) / 3 || aut.signal > 0 || com.signal > 0) level = 'watch';
  if (!level) return null;
  const { span, gaps } = runSpan(points, i, 'pressure', 1);
  const summary =
    `Autonomy frustration ${verb(aut.smoothedChange)} ${pts(aut.smoothedChange)} and competence frustration ${verb(com.smoothedChange)} ${pts(com.smoothedChange)} ` +
    `over ${cycles(span)}${gapNote(gaps)} (${sigma(m.pressure)} for the two together): requests may be crowding out the team's own work, ` +
    'the pressure that comes before a retreat.';
  return {
    kind: 'pressure',
    level,
    summary,
    signals: [signal('autonomy', aut, 'frustration'), signal('competence', com, 'frustration')],
    actions: [remedies.automate, remedies.sortByNeed],
  };
}

const needActions: Record<'autonomy' | 'competence' | 'relatedness', string[]> = {
  autonomy: [remedies.sharedValues, remedies.sortByNeed],
  competence: [remedies.automate, remedies.sortByNeed],
  relatedness: [remedies.customers, remedies.sharedValues],
};

function needDropAlert(points: readonly DriftPoint[], i: number, rules: AlertRules): Draft | null {
  const m = points[i]!.measures;
  if (!m) return null;
  let level: AlertLevel | null = null;
  const falling: ('autonomy' | 'competence' | 'relatedness')[] = [];
  for (const need of ['autonomy', 'competence', 'relatedness'] as const) {
    const d = m[need];
    if (d.signal >= 0) continue;
    falling.push(need);
    let l: AlertLevel = 'watch';
    if (d.score <= -(rules.L + rules.needWarningMargin) && d.smoothedChange <= -rules.needWarningPoints) {
      l = d.score <= -(rules.L + 2 * rules.needWarningMargin) && d.smoothedChange <= -2 * rules.needWarningPoints ? 'critical' : 'warning';
    }
    if (!level || atLeast(l, level)) level = l;
  }
  if (!level) return null;
  const first = falling[0]!;
  const { span, gaps } = runSpan(points, i, first, -1);
  const parts = falling.map((need) => `${need} fell ${pts(m[need].smoothedChange)} (${sigma(m[need])})`);
  return {
    kind: 'need_drop',
    level,
    summary: `${capitalize(parts.join('; '))}, over ${cycles(span)}${gapNote(gaps)}.`,
    signals: falling.map((need) => signal(need, m[need])),
    actions: [...new Set(falling.flatMap((need) => needActions[need]))],
  };
}

function participationAlert(points: readonly DriftPoint[], i: number, rules: AlertRules): Draft | null {
  const low = (p: DriftPoint | undefined) => {
    const q = p?.participation;
    return (
      !!q &&
      p.invited >= rules.participationMinInvited &&
      q.z !== null &&
      q.rate !== null &&
      q.baselineRate !== null &&
      q.z <= rules.participationZ &&
      q.baselineRate - q.rate >= rules.participationDrop
    );
  };
  if (!low(points[i])) return null;
  let run = 1;
  while (run < 3 && low(points[i - run])) run++;
  const level: AlertLevel = run >= 3 ? 'critical' : run === 2 ? 'warning' : 'watch';
  const p = points[i]!;
  const q = p.participation;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const change = Math.round((q.rate! - q.baselineRate!) * 1000) / 10;
  // A suppressed cycle is named only as a gap: no rate or count of it goes into the text.
  const now = p.visible ? ` to ${pct(q.rate!)} (${p.responded} of ${p.invited} invited)` : ' to too few responses to show scores';
  const summary = `The response rate fell from ${pct(q.baselineRate!)} at baseline${now}${run > 1 ? `, low for ${cycles(run)} in a row` : ''}.`;
  return {
    kind: 'participation',
    level,
    summary,
    signals: [{ construct: 'participation', change, evidence: `binomial z = ${q.z!.toFixed(1)} against the baseline rate` }],
    actions: [remedies.customers, remedies.sharedValues],
  };
}

const verb = (change: number) => (change < 0 ? 'fell' : 'rose');
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
