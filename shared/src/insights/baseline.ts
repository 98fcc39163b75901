/**
 * A team's baseline: which of its visible cycles it is built from (the window rule, the same
 * for a team's first months and its later years), the team's own figures over that window, and
 * the organisation's distribution of team baselines that a short history is shrunk toward
 * (empirical Bayes, method of moments). docs/insights.md, "Baseline", derives the rule.
 */

export interface WindowRule {
  /** Most cycles a baseline holds. */
  baselineCycles: number;
  /** Most of the newest readings kept out of the baseline (the gap). */
  baselineGap: number;
  /** Fewest cycles a baseline holds: the chart starts at the team's next visible cycle. */
  minBaselineCycles: number;
}

/**
 * The window, as [from, to) over a team's readings since its baseline era began, when `h` of
 * them lie before the current one and the first `settled` may enter the baseline without a gap
 * (minBaselineCycles at the start; the held readings after a restart). The gap grows with the
 * history, up to baselineGap, so the chart starts as soon as `settled` readings exist, and a
 * drift that has just begun stays out of its own baseline once the history allows it:
 *   gap = min(G, max(0, h − settled)),  window = the newest B of the h − gap older readings.
 * null while h < settled.
 */
export function baselineWindow(h: number, settled: number, rule: WindowRule): [number, number] | null {
  if (h < settled || h < 1) return null;
  const gap = Math.min(rule.baselineGap, Math.max(0, h - settled));
  const to = h - gap;
  return [Math.max(0, to - rule.baselineCycles), to];
}

/** One visible cycle of a team: its respondents, and each measure's mean and M2. */
export interface VisibleRecord {
  t: number;
  n: number;
  means: Float64Array;
  m2: Float64Array;
}

/** A team's own baseline before shrinkage. */
export interface RawBaseline {
  /** Respondents in the window. */
  n: number;
  /** Each record of the window, by its position in the baseline era, with its respondents. */
  records: { index: number; n: number }[];
  own: Float64Array;
  /** Pooled within-cycle variance, floored at sigmaFloor². */
  variance: Float64Array;
}

/** The team's own figures over `history[from, to)` (positions in the era, offset by `era`). */
export function rawBaseline(history: readonly VisibleRecord[], era: number, window: [number, number], sigmaFloor: number): RawBaseline {
  const [from, to] = window;
  const width = history[era]!.means.length;
  const own = new Float64Array(width);
  const variance = new Float64Array(width);
  const records: { index: number; n: number }[] = [];
  let total = 0;
  let dof = 0;
  for (let i = from; i < to; i++) {
    const r = history[era + i]!;
    records.push({ index: i, n: r.n });
    total += r.n;
    dof += r.n - 1;
  }
  for (let c = 0; c < width; c++) {
    let sum = 0;
    let m2 = 0;
    for (let i = from; i < to; i++) {
      const r = history[era + i]!;
      sum += r.n * r.means[c]!;
      m2 += r.m2[c]!;
    }
    own[c] = sum / total;
    variance[c] = Math.max(sigmaFloor ** 2, dof > 0 ? m2 / dof : 0);
  }
  return { n: total, records, own, variance };
}

/** The organisation's average team (the shrinkage target) and the between-team variance τ². */
export interface Prior {
  mean: Float64Array;
  tau2: Float64Array;
}

/**
 * Method of moments over the teams charted this cycle (all from visible cells): the target is
 * the mean of their own baselines; τ² is the spread of those baselines around it minus the part
 * sampling noise explains. null (no shrinkage) when too few teams to tell.
 */
export function organisationPrior(raws: readonly RawBaseline[], minTeams: number): Prior | null {
  if (raws.length < minTeams || raws.length === 0) return null;
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

/** Weight on the team's own mean: τ² / (τ² + σ²/N), never below minOwnWeight; 1 without a prior. */
export function ownWeight(raw: RawBaseline, prior: Prior | null, c: number, minOwnWeight: number): number {
  if (!prior) return 1;
  const noise = raw.variance[c]! / raw.n;
  const tau2 = prior.tau2[c]!;
  return Math.max(minOwnWeight, tau2 + noise > 0 ? tau2 / (tau2 + noise) : 1);
}
