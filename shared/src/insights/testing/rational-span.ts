/**
 * Exact linear algebra over the rationals (BigInt fractions), for tests only: it checks the
 * anonymity rule without any floating-point tolerance.
 */

/** A fraction num/den with den > 0, always in lowest terms. */
interface Fraction {
  num: bigint;
  den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

function frac(num: bigint, den = 1n): Fraction {
  if (den === 0n) throw new Error('division by zero');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}
const sub = (a: Fraction, b: Fraction) => frac(a.num * b.den - b.num * a.den, a.den * b.den);
const mul = (a: Fraction, b: Fraction) => frac(a.num * b.num, a.den * b.den);
const div = (a: Fraction, b: Fraction) => frac(a.num * b.den, a.den * b.num);
const isZero = (a: Fraction) => a.num === 0n;

/** Reduced row echelon form of the row space of `rows`. */
export interface RowSpace {
  rows: Fraction[][];
  pivots: number[];
}

/** Gauss–Jordan elimination with exact fractions. */
export function rowSpace(rows: readonly (readonly number[])[], width: number): RowSpace {
  const m = rows.map((r) => Array.from({ length: width }, (_, j) => frac(BigInt(r[j] ?? 0))));
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < width && rank < m.length; col++) {
    const p = m.findIndex((row, i) => i >= rank && !isZero(row[col]!));
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pivotRow = m[rank]!;
    const pv = pivotRow[col]!;
    for (let j = 0; j < width; j++) pivotRow[j] = div(pivotRow[j]!, pv);
    for (let i = 0; i < m.length; i++) {
      if (i === rank || isZero(m[i]![col]!)) continue;
      const f = m[i]![col]!;
      for (let j = 0; j < width; j++) m[i]![j] = sub(m[i]![j]!, mul(f, pivotRow[j]!));
    }
    pivots.push(col);
    rank++;
  }
  return { rows: m.slice(0, rank), pivots };
}

/** Whether v is an exact rational linear combination of the space's rows. */
export function inSpan(space: RowSpace, v: readonly number[]): boolean {
  // In RREF any member equals Σ v[pivot_j] · row_j, so subtract that and look for zero.
  const rest = v.map((x) => frac(BigInt(x)));
  space.pivots.forEach((col, j) => {
    const f = rest[col]!;
    if (isZero(f)) return;
    const row = space.rows[j]!;
    for (let c = 0; c < rest.length; c++) rest[c] = sub(rest[c]!, mul(f, row[c]!));
  });
  return rest.every(isZero);
}
