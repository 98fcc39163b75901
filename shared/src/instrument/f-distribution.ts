/**
 * The F distribution's CDF and quantiles, from the regularized incomplete beta already used for
 * Student's t (no dependency): P(F ≤ x) = I_{d1·x / (d1·x + d2)}(d1/2, d2/2).
 */
import { incompleteBeta } from '../insights/stats.js';

/** P(F ≤ x) for F with d1 and d2 degrees of freedom. */
export function fCdf(x: number, d1: number, d2: number): number {
  if (!(d1 > 0 && d2 > 0)) throw new RangeError('degrees of freedom must be positive');
  if (x <= 0) return 0;
  return incompleteBeta((d1 * x) / (d1 * x + d2), d1 / 2, d2 / 2);
}

/** The p-quantile of F with d1 and d2 degrees of freedom (bisection on the beta scale). */
export function fQuantile(p: number, d1: number, d2: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be strictly between 0 and 1');
  if (!(d1 > 0 && d2 > 0)) throw new RangeError('degrees of freedom must be positive');
  // u = d1·x / (d1·x + d2) is Beta(d1/2, d2/2); its CDF rises from 0 to 1 on (0, 1).
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, d1 / 2, d2 / 2) < p) lo = mid;
    else hi = mid;
  }
  const u = (lo + hi) / 2;
  return (d2 * u) / (d1 * (1 - u));
}
