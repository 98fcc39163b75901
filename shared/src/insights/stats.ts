/**
 * Small-sample statistics: Student t quantiles (written here, no dependency) and
 * mean / SD / 95% confidence interval summaries built from mergeable moments.
 */

/** ln Γ(x) for x > 0, Lanczos approximation (g = 7, n = 9), accurate to ~15 digits. */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the series in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction for the incomplete beta (modified Lentz), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b), the CDF of a Beta(a, b) variable at x. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError('incompleteBeta needs a > 0 and b > 0');
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(lnFront);
  // Use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where the fraction converges fast.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError('degrees of freedom must be positive');
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

const quantileCache = new Map<string, number>();

/** The p-quantile of Student's t with df degrees of freedom (bisection on the CDF, cached). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be strictly between 0 and 1');
  if (!(df > 0)) throw new RangeError('degrees of freedom must be positive');
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  const key = `${p}:${df}`;
  const cached = quantileCache.get(key);
  if (cached !== undefined) return cached;
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  // 200 halvings reach the limit of double precision for any bracket found above.
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  const q = (lo + hi) / 2;
  // Counts seen in practice are few (n up to the organisation size), so the cache stays small.
  if (quantileCache.size < 100_000) quantileCache.set(key, q);
  return q;
}

/** Count, mean and sum of squared deviations: enough to merge groups exactly (Chan et al.). */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
}

export const emptyMoments: Readonly<Moments> = Object.freeze({ n: 0, mean: 0, m2: 0 });

/** Moments of a list of values (Welford's update, numerically stable). */
export function momentsOf(values: readonly number[]): Moments {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const v of values) {
    n++;
    const delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
  }
  return { n, mean, m2 };
}

/** Moments of the union of two disjoint groups. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}

/**
 * What a cell shows. n = 0: every figure is null. n = 1: the mean is the single value,
 * and sd and the interval are null because one value says nothing about spread.
 */
export interface Summary {
  n: number;
  mean: number | null;
  sd: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Summary with a two-sided 95% Student t interval from merged moments. */
export function summarizeMoments(m: Moments): Summary {
  if (m.n === 0) return { n: 0, mean: null, sd: null, ciLow: null, ciHigh: null };
  if (m.n === 1) return { n: 1, mean: m.mean, sd: null, ciLow: null, ciHigh: null };
  const sd = Math.sqrt(Math.max(0, m.m2) / (m.n - 1));
  const half = (studentTQuantile(0.975, m.n - 1) * sd) / Math.sqrt(m.n);
  return { n: m.n, mean: m.mean, sd, ciLow: m.mean - half, ciHigh: m.mean + half };
}

/** Summary (n, mean, sample SD, 95% t interval) of a list of values. */
export function summarize(values: readonly number[]): Summary {
  return summarizeMoments(momentsOf(values));
}
