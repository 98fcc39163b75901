/**
 * The standardized EWMA control chart (Roberts 1959; Lucas & Saccucci 1990) on a team's
 * cycle means. Each cycle's mean is standardized with that cycle's own n, so months with
 * more respondents count as the stronger evidence they are:
 *   z_t = (mean_t − μ0) / (σ / √n_t),   E_t = λ z_t + (1 − λ) E_{t−1},   E_0 = 0 (zero state),
 * signalling when |E_t| > L · √(λ / (2 − λ)) (the asymptotic limits).
 */

export interface EwmaParams {
  /** Weight of the newest cycle, 0 < λ ≤ 1. */
  lambda: number;
  /** Limit width in standard deviations of the EWMA statistic. */
  L: number;
}

/** Asymptotic standard deviation of the EWMA of standard normal z values. */
export function ewmaSigma(lambda: number): number {
  return Math.sqrt(lambda / (2 - lambda));
}

/** A cycle mean in standard errors from the baseline: (mean − μ0) / (σ / √n). */
export function standardizedMean(mean: number, mu0: number, sigma: number, n: number): number {
  return (mean - mu0) / (sigma / Math.sqrt(n));
}

export interface EwmaPoint {
  z: number;
  /** The EWMA statistic E_t. */
  ewma: number;
  /** E_t in its own standard deviations, E_t / √(λ/(2−λ)): the "3.4σ" in a summary. */
  score: number;
  /** −1 below the lower limit, +1 above the upper one, 0 inside. */
  signal: -1 | 0 | 1;
}

/** One step of the chart from the previous EWMA value (0 at the start). */
export function ewmaStep(previous: number, z: number, params: EwmaParams): EwmaPoint {
  const ewma = params.lambda * z + (1 - params.lambda) * previous;
  const score = ewma / ewmaSigma(params.lambda);
  return { z, ewma, score, signal: score > params.L ? 1 : score < -params.L ? -1 : 0 };
}
