/**
 * The small dense matrices the instrument statistics need (a construct's 3–4 items, the four
 * needs), with respondents given as rows and optional whole-number weights, so a bootstrap
 * resample is a weight vector over distinct answer patterns rather than a copied data set.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export type Rows = readonly (readonly number[])[];

/** Sample covariance matrix (n − 1 in the denominator) of the columns of `rows`, each row counted `weights[r]` times. */
export function covarianceMatrix(rows: Rows, weights?: readonly number[]): number[][] {
  const p = rows[0]?.length ?? 0;
  const mean = new Array<number>(p).fill(0);
  let n = 0;
  rows.forEach((row, r) => {
    const w = weights ? weights[r]! : 1;
    n += w;
    for (let i = 0; i < p; i++) mean[i]! += w * row[i]!;
  });
  for (let i = 0; i < p; i++) mean[i]! /= n;
  const cov = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  rows.forEach((row, r) => {
    const w = weights ? weights[r]! : 1;
    if (w === 0) return;
    for (let i = 0; i < p; i++) {
      const di = row[i]! - mean[i]!;
      for (let j = 0; j <= i; j++) cov[i]![j]! += w * di * (row[j]! - mean[j]!);
    }
  });
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      cov[i]![j]! /= n - 1;
      cov[j]![i] = cov[i]![j]!;
    }
  }
  return cov;
}

/** The correlation matrix of a covariance matrix. */
export function correlationMatrix(cov: readonly (readonly number[])[]): number[][] {
  const sd = cov.map((row, i) => Math.sqrt(row[i]!));
  return cov.map((row, i) => row.map((c, j) => (i === j ? 1 : c / (sd[i]! * sd[j]!))));
}

export const sumAll = (m: readonly (readonly number[])[]): number => m.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);

/** Eigenvalues (descending) and their unit eigenvectors (as columns) of a symmetric matrix. */
export function symmetricEigen(m: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const e = new EigenvalueDecomposition(new Matrix(m.map((row) => [...row])), { assumeSymmetric: true });
  const values = e.realEigenvalues;
  const vectors = e.eigenvectorMatrix.to2DArray();
  const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!);
  return { values: order.map((i) => values[i]!), vectors: vectors.map((row) => order.map((i) => row[i]!)) };
}

/** Distinct rows and how often each occurs: the unit a bootstrap resamples. */
export function distinctRows(rows: Rows): { rows: number[][]; counts: number[] } {
  const index = new Map<string, number>();
  const out: number[][] = [];
  const counts: number[] = [];
  for (const row of rows) {
    const key = row.join(',');
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, out.length);
      out.push([...row]);
      counts.push(1);
    } else counts[at]!++;
  }
  return { rows: out, counts };
}

/** Percentile interval of the finite values (sorted in place), by R's default (type 7) quantile. */
export function percentileInterval(values: number[], level = 0.95): [number, number] | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length < 2) return null;
  const q = (p: number) => {
    const h = (finite.length - 1) * p;
    const lo = Math.floor(h);
    return finite[lo]! + (h - lo) * ((finite[Math.min(lo + 1, finite.length - 1)] ?? finite[lo]!) - finite[lo]!);
  };
  return [q((1 - level) / 2), q(1 - (1 - level) / 2)];
}
