/**
 * How well each construct's items hang together (docs/insights.md, "Reliability of the
 * scales"): Cronbach's α with Feldt's interval, McDonald's ω total from a one-factor model
 * (minimum-residual fit, as R's psych::omega with nfactors = 1) with a bootstrap interval, and
 * each item's corrected item–total correlation (psych's r.drop). Checked against psych on a
 * stored response set (tests/fixtures/reliability).
 */
import { bootstrapSteps, type BootstrapOptions } from './bootstrap.js';
import { fQuantile } from './f-distribution.js';
import { correlationMatrix, covarianceMatrix, sumAll, type Rows } from './matrix.js';
import { drain, type Steps } from './steps.js';

type Square = readonly (readonly number[])[];

/** Cronbach's α from the items' covariance matrix: k/(k−1) · (1 − Σ item variances / variance of the sum). */
export function cronbachAlpha(cov: Square): number {
  const k = cov.length;
  const trace = cov.reduce((s, row, i) => s + row[i]!, 0);
  return (k / (k - 1)) * (1 - trace / sumAll(cov));
}

/**
 * Feldt's (1965) interval for α from n respondents and k items:
 * 1 − (1 − α)·F(1 − p/2; n−1, (n−1)(k−1)) to 1 − (1 − α)·F(p/2; …), as psych's alpha reports it.
 */
export function feldtInterval(alpha: number, n: number, k: number, level = 0.95): [number, number] {
  const p = 1 - level;
  const d1 = n - 1;
  const d2 = (n - 1) * (k - 1);
  return [1 - (1 - alpha) * fQuantile(1 - p / 2, d1, d2), 1 - (1 - alpha) * fQuantile(p / 2, d1, d2)];
}

/** Each item's correlation with the sum of the other items of its construct (corrected item–total). */
export function itemTotalCorrelations(cov: Square): number[] {
  const total = sumAll(cov);
  return cov.map((row, i) => {
    const rowSum = row.reduce((a, b) => a + b, 0);
    const withRest = rowSum - row[i]!;
    const restVariance = total - 2 * rowSum + row[i]!;
    return withRest / Math.sqrt(row[i]! * restVariance);
  });
}

/** psych's bounds on a uniqueness in its minres fit: a communality stays at or below 0.995. */
const MAX_LOADING = Math.sqrt(0.995);

/**
 * One-factor loadings of a correlation matrix by minimum residuals: the λ that minimise the
 * squared off-diagonal residuals Σ_{i≠j}(r_ij − λ_iλ_j)², psych's minres fit. Found by exact
 * coordinate descent (each λ_i in turn is the least-squares value Σ_{j≠i} r_ij λ_j / Σ_{j≠i} λ_j²,
 * within psych's bound), from the square roots of the squared multiple correlations, psych's
 * start. Its fixed point is the one iterated principal axes reach, without an eigensolver per step.
 */
export function oneFactorLoadings(corr: Square): number[] {
  const k = corr.length;
  const loadings = smc(corr).map((h) => Math.sqrt(Math.max(h, 1e-6)));
  for (let sweep = 0; sweep < 100_000; sweep++) {
    let change = 0;
    for (let i = 0; i < k; i++) {
      let numerator = 0;
      let denominator = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        numerator += corr[i]![j]! * loadings[j]!;
        denominator += loadings[j]! * loadings[j]!;
      }
      const next = denominator > 0 ? Math.max(-MAX_LOADING, Math.min(MAX_LOADING, numerator / denominator)) : 0;
      change = Math.max(change, Math.abs(next - loadings[i]!));
      loadings[i] = next;
    }
    if (change < 1e-13) break;
  }
  // The sign of a factor is arbitrary: point it the way most items load.
  return loadings.reduce((a, b) => a + b, 0) < 0 ? loadings.map((l) => -l) : loadings;
}

function smc(corr: Square): number[] {
  const k = corr.length;
  // Gauss–Jordan inverse of a small positive-definite matrix.
  const a = corr.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const d = a[c]![c]!;
    if (Math.abs(d) < 1e-12) return corr.map(() => 0.5); // singular: psych falls back to a plain start too
    for (let j = 0; j < 2 * k; j++) a[c]![j]! /= d;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      for (let j = 0; j < 2 * k; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row, i) => Math.min(0.995, Math.max(0, 1 - 1 / row[k + i]!)));
}

/**
 * McDonald's ω total from a one-factor model of the items' correlations:
 * ω = 1 − Σ(1 − λ_i²) / Σ_ij r_ij, the share of the (standardized) sum's variance that is not
 * unique item variance; psych's omega(x, nfactors = 1)$omega.tot.
 */
export function omegaTotal(corr: Square): number {
  const loadings = oneFactorLoadings(corr);
  const unique = loadings.reduce((s, l) => s + (1 - l * l), 0);
  return 1 - unique / sumAll(corr);
}

export interface ScaleReliability {
  /** Respondents who answered every item of the construct. */
  n: number;
  alpha: number;
  /** Feldt's 95% interval. */
  alphaCi: [number, number];
  omega: number;
  /** Percentile bootstrap 95% interval (1,000 seeded resamples of respondents); null when it cannot be formed. */
  omegaCi: [number, number] | null;
  items: { id: string; itemTotal: number }[];
}

/**
 * The reliability of one construct from its respondents' answers, one row per respondent, one
 * column per item in `itemIds` order, reverse items already reversed. Null when fewer than two
 * items, fewer than three respondents, or an item (or the sum) did not vary.
 */
export function* scaleReliabilitySteps(
  itemIds: readonly string[],
  rows: Rows,
  options: BootstrapOptions = {},
): Steps<ScaleReliability | null> {
  const k = itemIds.length;
  const n = rows.length;
  if (k < 2 || n < 3) return null;
  const cov = covarianceMatrix(rows);
  if (cov.some((row, i) => !(row[i]! > 0))) return null;
  const alpha = cronbachAlpha(cov);
  const corr = correlationMatrix(cov);
  const omega = omegaTotal(corr);
  const itemTotal = itemTotalCorrelations(cov);
  if (![alpha, omega, ...itemTotal].every(Number.isFinite)) return null;
  const [omegaCi] = yield* bootstrapSteps(
    rows,
    1,
    (distinct, counts) => {
      const c = covarianceMatrix(distinct, counts);
      return c.some((row, i) => !(row[i]! > 0)) ? null : [omegaTotal(correlationMatrix(c))];
    },
    options,
  );
  return {
    n,
    alpha,
    alphaCi: feldtInterval(alpha, n, k),
    omega,
    omegaCi: omegaCi ?? null,
    items: itemIds.map((id, i) => ({ id, itemTotal: itemTotal[i]! })),
  };
}

/** `scaleReliabilitySteps` run to its end at once. */
export const scaleReliability = (...args: Parameters<typeof scaleReliabilitySteps>) => drain(scaleReliabilitySteps(...args));
