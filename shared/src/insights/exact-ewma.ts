/**
 * The EWMA chart with exact limits for an estimated baseline (docs/insights.md, "Limits for any
 * history length"). Each reading is d_t = x̄_t − μ0_t, with μ0_t = w·(window mean) + (1 − w)·m
 * (m the organisation's average team). Under the in-control model
 *   x̄_j = μ + ε_j,  ε_j ~ N(0, σ²/n_j) independent,  μ ~ N(m, τ²)  (the team's own level),
 * every d_t, and so E_t = λ d_t + (1 − λ) E_{t−1}, is a linear form in the independent terms
 * u = μ − m and ε_j:
 *   d_t = (1 − w) u + ε_t − w Σ_{j∈W} (n_j / N) ε_j.
 * The chart keeps E_t's coefficients and reads its exact variance
 *   Var(E_t) = τ² a_u² + σ² Σ_j a_j² / n_j,
 * so score = E_t / √Var(E_t) is N(0, 1) at every reading, however short the history and
 * however the window moved: a baseline of two cycles gets limits as wide as its error demands.
 */

export interface Track {
  /** E_t in points. */
  ewma: number;
  /** Coefficient of u. */
  u: number;
  /** Coefficient of each record's ε, by its position in the baseline era. */
  e: number[];
  /** Respondents of each record, by position. */
  n: number[];
}

export const newTrack = (): Track => ({ ewma: 0, u: 0, e: [], n: [] });

export interface Reading {
  /** x̄_t − μ0_t, points. */
  d: number;
  /** This record's position in the era and respondents. */
  index: number;
  n: number;
  /** The baseline window's records and its total respondents N. */
  window: readonly { index: number; n: number }[];
  N: number;
  /** Weight on the team's own window mean (1 without shrinkage). */
  w: number;
  /** Within-cycle variance σ² and between-team variance τ² (0 without shrinkage). */
  sigma2: number;
  tau2: number;
}

export interface TrackStep {
  ewma: number;
  /** √Var(E_t). */
  sd: number;
  /** E_t / √Var(E_t). */
  score: number;
  /** This reading alone in its own standard deviations: d_t / √Var(d_t). */
  z: number;
}

/** Advances the track by one reading (in place) and returns the standardized figures. */
export function trackStep(track: Track, r: Reading, lambda: number): TrackStep {
  const keep = 1 - lambda;
  track.ewma = lambda * r.d + keep * track.ewma;
  track.u = keep * track.u + lambda * (1 - r.w);
  while (track.e.length <= r.index) {
    track.e.push(0);
    track.n.push(1);
  }
  for (let j = 0; j < track.e.length; j++) track.e[j]! *= keep;
  track.n[r.index] = r.n;
  track.e[r.index]! += lambda;
  for (const rec of r.window) {
    track.n[rec.index] = rec.n;
    track.e[rec.index]! -= (lambda * r.w * rec.n) / r.N;
  }
  let noise = 0;
  for (let j = 0; j < track.e.length; j++) noise += track.e[j]! ** 2 / track.n[j]!;
  const variance = r.tau2 * track.u ** 2 + r.sigma2 * noise;
  const sd = Math.sqrt(variance);
  // The reading alone: (1 − w)² τ² + σ² (1/n + w²/N).
  const zVar = r.tau2 * (1 - r.w) ** 2 + r.sigma2 * (1 / r.n + (r.w * r.w) / r.N);
  return { ewma: track.ewma, sd, score: sd > 0 ? track.ewma / sd : 0, z: zVar > 0 ? r.d / Math.sqrt(zVar) : 0 };
}
