import { describe, expect, it } from 'vitest';
import { inSpan, rowSpace } from './rational-span.js';

describe('exact row span (test helper)', () => {
  it('finds differences of overlapping sets and nothing else', () => {
    // Parent {a,b,c} and child {a,b}: their difference {c} is derivable, {a} is not.
    const space = rowSpace(
      [
        [1, 1, 1],
        [1, 1, 0],
      ],
      3,
    );
    expect(inSpan(space, [0, 0, 1])).toBe(true);
    expect(inSpan(space, [1, 0, 0])).toBe(false);
    expect(inSpan(space, [2, 2, 1])).toBe(true);
  });

  it('needs fractions when rows are not unimodular', () => {
    const space = rowSpace(
      [
        [2, 0],
        [0, 3],
      ],
      2,
    );
    expect(space.rows.length).toBe(2);
    expect(inSpan(space, [1, 1])).toBe(true);
    expect(inSpan(rowSpace([[2, 4]], 2), [1, 2])).toBe(true);
    expect(inSpan(rowSpace([[2, 4]], 2), [1, 3])).toBe(false);
  });
});
