/**
 * Alerts from drift points: pure, deterministic, one alert per (team, cycle, kind) at most.
 * Every figure in a summary comes from a visible cell (or from invited/responded counts, which
 * API.md shows on every point); a suppressed cycle is named only as a gap.
 */
import type { Construct } from '../questionnaire.js';
import { defaultDriftParams, type ChartedMeasure, type DriftPoint, type MeasureDrift } from './drift.js';

export const alertKinds = ['fortress', 'pressure', 'need_drop', 'participation'] as const;
export type AlertKind = (typeof alertKinds)[number];
export const alertLevels = ['watch', 'warning', 'critical'] as const;
export type AlertLevel = (typeof alertLevels)[number];

export interface AlertSignal {
  /** The construct that moved; `participation` for the response rate. */
  construct: Construct | 'participation';
  /** Set when the signal is about a facet rather than the construct score. */
  facet?: 'frustration';
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

/** The four remedies of PRODUCT.md, the only actions an alert suggests. */
export const remedies = {
  customers: 'Know your internal customers: list the teams that rely on you and what each of them needs from you.',
  sortByNeed:
    'Sort them by need: fast "drive-thru" service for routine requests, a strategic partnership for the few that shape your work.',
  automate: 'Simplify and automate routine requests, so they stop crowding out the work the team is good at.',
  sharedValues:
    'Agree shared values with the groups you serve, phrased "X even at the cost of Y" (for example "responsive even at the cost of perfect").',
} as const;

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
};

const levelRank: Record<AlertLevel, number> = { watch: 0, warning: 1, critical: 2 };

/** Whether level a is at least level b. */
export function atLeast(a: AlertLevel, b: AlertLevel): boolean {
  return levelRank[a] >= levelRank[b];
}

const round = (x: number) => Math.round(x);
const pts = (x: number) => `${round(Math.abs(x))} point${round(Math.abs(x)) === 1 ? '' : 's'}`;
const sigma = (m: MeasureDrift) => `EWMA ${Math.abs(m.score).toFixed(1)}σ ${m.score < 0 ? 'below' : 'above'} baseline`;
const signed = (x: number) => (round(x) === 0 ? 'unchanged' : `${x > 0 ? '+' : '−'}${pts(x)}`);
const cycles = (k: number) => `${k} cycle${k === 1 ? '' : 's'}`;

function signal(construct: Construct, m: MeasureDrift, facet?: 'frustration'): AlertSignal {
  return {
    construct,
    ...(facet ? { facet } : {}),
    change: Math.round(m.change * 10) / 10,
    evidence: `${sigma(m)} (n = ${m.n}, baseline ${m.baseline.toFixed(0)})`,
  };
}

/**
 * Start of the current run: walking back over visible monitored points while the measure
 * stays on the same side of its baseline. Returns the span in cycles and how many of those
 * cycles were suppressed gaps.
 */
function runSpan(points: readonly DriftPoint[], i: number, measure: ChartedMeasure, direction: -1 | 1): { span: number; gaps: number } {
  const end = points[i]!.cycleIndex;
  let start = end;
  for (let j = i - 1; j >= 0; j--) {
    const p = points[j]!;
    if (!p.visible) continue;
    const m = p.measures?.[measure];
    if (!m || Math.sign(m.smoothedChange) !== direction) break;
    start = p.cycleIndex;
  }
  let gaps = 0;
  for (let j = i - 1; j >= 0 && points[j]!.cycleIndex >= start; j--) if (!points[j]!.visible) gaps++;
  return { span: end - start + 1, gaps };
}

const gapNote = (gaps: number) => (gaps > 0 ? `, ${gaps} of them without enough responses to show` : '');

/** Alerts for one team's drift series, in cycle order. */
export function alertsForTeam(points: readonly DriftPoint[], rules: AlertRules = defaultAlertRules): Alert[] {
  const out: Alert[] = [];
  points.forEach((point, i) => {
    const found = [fortressAlert(points, i, rules), pressureAlert(points, i, rules), needDropAlert(points, i, rules), participationAlert(points, i, rules)];
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

function fortressAlert(points: readonly DriftPoint[], i: number, rules: AlertRules): Draft | null {
  const p = points[i]!;
  const m = p.measures;
  if (!m) return null;
  const rel = m.relatedness;
  const ope = m.openness;
  const aut = m.autonomy;
  const bothFalling = rel.smoothedChange < 0 && ope.smoothedChange < 0;
  // Significant is not enough in a big cell: a warning also needs a fall a person would notice.
  const retreat = m.retreat.score <= -rules.L && m.retreat.change <= -rules.fortressWarningPoints;
  let level: AlertLevel | null = null;
  if (retreat && bothFalling) level = 'warning';
  else if ((bothFalling && m.retreat.score <= (-2 * rules.L) / 3) || rel.signal < 0 || ope.signal < 0) level = 'watch';
  if (!level) return null;

  const fall = -(rel.smoothedChange + ope.smoothedChange) / 2;
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
  const summary =
    `${capitalize(moved)} over ${cycles(span)}${gapNote(gaps)} (${sigma(m.retreat)} for the two together, ` +
    `fortress index ${round(p.fortressIndex ?? 0)})${autonomy}.${pressure}`;
  return {
    kind: 'fortress',
    level,
    summary,
    signals: [signal('relatedness', rel), signal('openness', ope), signal('autonomy', aut)],
    actions: [remedies.customers, remedies.sortByNeed, remedies.automate, remedies.sharedValues],
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
