import { mergeMoments, studentTQuantile, type Moments } from './stats.js';

/**
 * Did an action move the need it targeted? A difference-in-differences on visible cells only
 * (docs/insights.md, "Actions and their effect"): the team's change in the targeted construct
 * from the cycles before the action started to those after, minus the change of the comparison
 * group (the rest of the parent group, or of the organisation) over the same cycles, with a
 * 95% Welch interval. No I/O.
 */

/** A visible cell's figures for one construct (sd null when n < 2). */
export interface EffectCell {
  n: number;
  mean: number;
  sd: number | null;
}

/** One closed cycle: the team's cell and the comparison group's, each absent when suppressed. */
export interface EffectCycle {
  team?: EffectCell | undefined;
  comparison?: EffectCell | undefined;
}

export interface EffectInput {
  /** Cycles that opened before the action started, oldest first. */
  before: readonly EffectCycle[];
  /** Cycles that opened after it started, oldest first. */
  after: readonly EffectCycle[];
  /** True when the comparison cell contains the team's respondents (a parent, the organisation): they are taken out. */
  comparisonIncludesTeam: boolean;
}

export type EffectVerdict = 'too_early' | 'no_clear_change' | 'improved' | 'worsened';

/** A period's pooled mean, for the team or the comparison group. */
export interface PeriodChange {
  before: number;
  after: number;
  change: number;
}

export interface ActionEffect {
  verdict: EffectVerdict;
  /** Usable cycles (team and comparison both visible) in each window. */
  beforeCycles: number;
  afterCycles: number;
  team: PeriodChange | null;
  comparison: PeriodChange | null;
  /** The team's change minus the comparison's, in points (0–100 scale), with its 95% interval. */
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** At most this many usable cycles on each side of the start: the nearest ones. */
export const EFFECT_WINDOW = 3;
/** Fewer usable cycles after the start than this: "too early". */
export const EFFECT_MIN_AFTER = 2;

const momentsOfCell = (cell: EffectCell): Moments => ({ n: cell.n, mean: cell.mean, m2: (cell.sd ?? 0) ** 2 * (cell.n - 1) });

/** The moments of `whole` without the disjoint part `part` (the inverse of mergeMoments). */
export function withoutMoments(whole: Moments, part: Moments): Moments {
  const n = whole.n - part.n;
  if (n <= 0) return { n: 0, mean: 0, m2: 0 };
  const mean = (whole.n * whole.mean - part.n * part.mean) / n;
  const delta = part.mean - mean;
  return { n, mean, m2: Math.max(0, whole.m2 - part.m2 - (delta * delta * part.n * n) / whole.n) };
}

interface UsableCycle {
  team: Moments;
  comparison: Moments;
}

/** A cycle enters only when both cells are visible and each group has at least two respondents. */
function usable(cycle: EffectCycle, includesTeam: boolean): UsableCycle | null {
  if (!cycle.team || !cycle.comparison || cycle.team.sd === null) return null;
  const team = momentsOfCell(cycle.team);
  const whole = momentsOfCell(cycle.comparison);
  const comparison = includesTeam ? withoutMoments(whole, team) : whole;
  if (team.n < 2 || comparison.n < 2) return null;
  return { team, comparison };
}

/** A period's pooled mean and the variance of that mean (respondents as independent units). */
function pooled(cells: readonly Moments[]): { mean: number; variance: number; df: number } {
  const m = cells.reduce(mergeMoments, { n: 0, mean: 0, m2: 0 });
  return { mean: m.mean, variance: m.m2 / (m.n - 1) / m.n, df: m.n - 1 };
}

/** The effect of one action on one construct. */
export function actionEffect(input: EffectInput): ActionEffect {
  const pick = (cycles: readonly EffectCycle[]) =>
    cycles.map((c) => usable(c, input.comparisonIncludesTeam)).filter((c): c is UsableCycle => c !== null);
  const before = pick(input.before).slice(-EFFECT_WINDOW);
  const after = pick(input.after).slice(0, EFFECT_WINDOW);
  const counts = { beforeCycles: before.length, afterCycles: after.length };
  if (before.length === 0 || after.length < EFFECT_MIN_AFTER) {
    return { verdict: 'too_early', ...counts, team: null, comparison: null, difference: null, ciLow: null, ciHigh: null };
  }
  const parts = [
    pooled(before.map((c) => c.team)),
    pooled(after.map((c) => c.team)),
    pooled(before.map((c) => c.comparison)),
    pooled(after.map((c) => c.comparison)),
  ] as const;
  const [teamBefore, teamAfter, compBefore, compAfter] = parts;
  const team = { before: teamBefore.mean, after: teamAfter.mean, change: teamAfter.mean - teamBefore.mean };
  const comparison = { before: compBefore.mean, after: compAfter.mean, change: compAfter.mean - compBefore.mean };
  const difference = team.change - comparison.change;
  const variance = parts.reduce((sum, p) => sum + p.variance, 0);
  // Welch–Satterthwaite degrees of freedom for a sum of four independent means.
  const df = variance ** 2 / parts.reduce((sum, p) => sum + p.variance ** 2 / p.df, 0);
  const half = variance > 0 ? studentTQuantile(0.975, df) * Math.sqrt(variance) : 0;
  const ciLow = difference - half;
  const ciHigh = difference + half;
  const verdict: EffectVerdict = ciLow > 0 ? 'improved' : ciHigh < 0 ? 'worsened' : 'no_clear_change';
  return { verdict, ...counts, team, comparison, difference, ciLow, ciHigh };
}
