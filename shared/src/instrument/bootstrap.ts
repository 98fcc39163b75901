/**
 * The nonparametric bootstrap the instrument's intervals use: respondents are resampled with
 * replacement, `resamples` times, from a seeded stream, so the same data give the same interval.
 */
import { createRandom } from '../insights/random.js';
import { distinctRows, percentileInterval, type Rows } from './matrix.js';
import { drain, type Steps } from './steps.js';

export const BOOTSTRAP_RESAMPLES = 1000;
export const BOOTSTRAP_SEED = 20261206;

/** Resamples between two pauses of `bootstrapSteps`. */
const RESAMPLES_PER_STEP = 25;

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
}

/**
 * The 95% percentile interval of each of `size` statistics over resamples of `rows`. The
 * statistic receives the distinct rows and each one's count in the resample and returns `size`
 * values, or null where it cannot be computed (an item that did not vary); such resamples are
 * left out, and no interval is given when half or more of them are.
 */
export function* bootstrapSteps(
  rows: Rows,
  size: number,
  statistic: (distinct: number[][], counts: number[]) => readonly number[] | null,
  options: BootstrapOptions = {},
): Steps<([number, number] | null)[]> {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const random = createRandom(options.seed ?? BOOTSTRAP_SEED);
  const { rows: distinct, counts } = distinctRows(rows);
  // Respondent r's pattern, so a draw of a respondent is a draw of their pattern.
  const patternOf = counts.flatMap((count, pattern) => new Array<number>(count).fill(pattern));
  const n = patternOf.length;
  const values: number[][] = Array.from({ length: size }, () => []);
  let kept = 0;
  const drawn = new Array<number>(distinct.length);
  for (let b = 0; b < resamples; b++) {
    if (b % RESAMPLES_PER_STEP === 0) yield;
    drawn.fill(0);
    for (let i = 0; i < n; i++) drawn[patternOf[random.int(0, n - 1)]!]!++;
    const result = statistic(distinct, drawn);
    if (!result || !result.every(Number.isFinite)) continue;
    kept++;
    result.forEach((v, j) => values[j]!.push(v));
  }
  if (kept * 2 <= resamples) return values.map(() => null);
  return values.map((v) => percentileInterval(v));
}

/** `bootstrapSteps` run to its end at once. */
export const bootstrapIntervals = (...args: Parameters<typeof bootstrapSteps>) => drain(bootstrapSteps(...args));
