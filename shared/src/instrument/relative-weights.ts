/**
 * Johnson's (2000) relative weights: how much of an outcome's explained variance (R²) goes
 * with each of several correlated predictors. The predictors are replaced by their closest
 * orthogonal counterparts Z (Λ = R_xx^½ gives the correlations between X and Z); the outcome is
 * regressed on Z (β = Λ⁻¹ r_xy), and predictor j gets ε_j = Σ_k Λ_jk² β_k². The weights sum to
 * R². docs/insights.md has the steps and the checks.
 */
import { bootstrapSteps, type BootstrapOptions } from './bootstrap.js';
import { correlationMatrix, covarianceMatrix, symmetricEigen, type Rows } from './matrix.js';
import { drain, type Steps } from './steps.js';

export interface RelativeWeights {
  /** Raw weights ε_j: each predictor's share of the variance explained, summing to R². */
  weights: number[];
  rSquared: number;
}

/**
 * Relative weights from the predictors' correlation matrix and their correlations with the
 * outcome. Null when the predictors are (nearly) linearly dependent.
 */
export function relativeWeights(rxx: readonly (readonly number[])[], rxy: readonly number[]): RelativeWeights | null {
  const p = rxy.length;
  const { values, vectors } = symmetricEigen(rxx);
  if (!(values[p - 1]! > 1e-10)) return null;
  // Λ = Q·diag(√λ)·Qᵀ; β = Λ⁻¹·r_xy = Q·diag(1/√λ)·Qᵀ·r_xy.
  const root = (power: number) =>
    Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => vectors[i]!.reduce((s, q, m) => s + q * vectors[j]![m]! * values[m]! ** power, 0)),
    );
  const lambda = root(0.5);
  const inverse = root(-0.5);
  const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * rxy[j]!, 0));
  const weights = lambda.map((row) => row.reduce((s, l, k) => s + l * l * beta[k]! * beta[k]!, 0));
  return { weights, rSquared: weights.reduce((a, b) => a + b, 0) };
}

/** Relative weights of the columns of `predictors` on `outcome`, one row per respondent (weighted by counts). */
export function relativeWeightsOf(predictors: Rows, outcome: readonly number[], weights?: readonly number[]): RelativeWeights | null {
  const rows = predictors.map((row, i) => [...row, outcome[i]!]);
  const cov = covarianceMatrix(rows, weights);
  if (cov.some((row, i) => !(row[i]! > 0))) return null;
  const corr = correlationMatrix(cov);
  const p = predictors[0]!.length;
  return relativeWeights(
    corr.slice(0, p).map((row) => row.slice(0, p)),
    corr.slice(0, p).map((row) => row[p]!),
  );
}

export interface WeightsWithIntervals extends RelativeWeights {
  n: number;
  /** Percentile bootstrap 95% interval of each raw weight (1,000 seeded resamples), null when it cannot be formed. */
  intervals: ([number, number] | null)[];
}

/** Relative weights with a percentile bootstrap interval for each. */
export function* relativeWeightsSteps(
  predictors: Rows,
  outcome: readonly number[],
  options: BootstrapOptions = {},
): Steps<WeightsWithIntervals | null> {
  const point = relativeWeightsOf(predictors, outcome);
  if (!point) return null;
  const p = point.weights.length;
  const rows = predictors.map((row, i) => [...row, outcome[i]!]);
  const intervals = yield* bootstrapSteps(
    rows,
    p,
    (distinct, counts) =>
      relativeWeightsOf(
        distinct.map((row) => row.slice(0, p)),
        distinct.map((row) => row[p]!),
        counts,
      )?.weights ?? null,
    options,
  );
  return { ...point, n: predictors.length, intervals };
}

/** `relativeWeightsSteps` run to its end at once. */
export const relativeWeightsWithIntervals = (...args: Parameters<typeof relativeWeightsSteps>) => drain(relativeWeightsSteps(...args));
