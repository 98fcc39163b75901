import { describe, expect, it } from 'vitest';
import { correlationMatrix } from './matrix.js';
import {
  cronbachAlpha,
  itemTotalCorrelations,
  oneFactorLoadings,
  omegaTotal,
  scaleReliability,
  scaleReliabilitySteps,
} from './reliability.js';

// Hand calculations; the comparison with R's psych on a full response set is in
// tests/unit/instrument-reference.test.ts.
describe('Cronbach’s α and item–total correlations', () => {
  // Four items, variances 1, covariances 0.5: α = 4/3 · (1 − 4/10) = 0.8; each item with the sum
  // of the other three: cov 1.5, var(rest) = 3 + 6 · 0.5 = 6, r = 1.5/√6.
  const cov = [
    [1, 0.5, 0.5, 0.5],
    [0.5, 1, 0.5, 0.5],
    [0.5, 0.5, 1, 0.5],
    [0.5, 0.5, 0.5, 1],
  ];
  it('gives α = 0.8 and r = 1.5/√6 for equal covariances', () => {
    expect(cronbachAlpha(cov)).toBeCloseTo(0.8, 12);
    for (const r of itemTotalCorrelations(cov)) expect(r).toBeCloseTo(1.5 / Math.sqrt(6), 12);
  });

  it('is raw α, from covariances: rescaling an item changes α as the formula says, but not its item–total correlation', () => {
    // Doubling item 1's scale: var 4, its covariances 1. α = 4/3 · (1 − 7/(7 + 2·(3·1 + 3·0.5))) = 4/3 · (1 − 7/16).
    const scaled = cov.map((row, i) => row.map((c, j) => c * (i === 0 ? 2 : 1) * (j === 0 ? 2 : 1)));
    expect(cronbachAlpha(scaled)).toBeCloseTo((4 / 3) * (1 - 7 / 16), 12);
    // A correlation does not depend on the scale of its own item.
    expect(itemTotalCorrelations(scaled)[0]).toBeCloseTo(3 / Math.sqrt(4 * 6), 12);
  });
});

describe('McDonald’s ω total from one factor', () => {
  it('recovers exact loadings of three items (a one-factor model fits three correlations exactly)', () => {
    // λ = (0.6, 0.7, 0.8): r12 = 0.42, r13 = 0.48, r23 = 0.56.
    const corr = [
      [1, 0.42, 0.48],
      [0.42, 1, 0.56],
      [0.48, 0.56, 1],
    ];
    const loadings = oneFactorLoadings(corr);
    expect(loadings[0]).toBeCloseTo(0.6, 8);
    expect(loadings[1]).toBeCloseTo(0.7, 8);
    expect(loadings[2]).toBeCloseTo(0.8, 8);
    // ω = (Σλ)² / ((Σλ)² + Σ(1 − λ²)) = 2.1² / (2.1² + 1.51) = 4.41 / 5.92.
    expect(omegaTotal(corr)).toBeCloseTo(4.41 / 5.92, 8);
  });

  it('equals α for parallel standardized items', () => {
    // Equal loadings √0.5 on four items: ω = (4·√0.5)² / (8 + 4·0.5) = 8/10 = α of the same items.
    const corr = correlationMatrix([
      [1, 0.5, 0.5, 0.5],
      [0.5, 1, 0.5, 0.5],
      [0.5, 0.5, 1, 0.5],
      [0.5, 0.5, 0.5, 1],
    ]);
    expect(omegaTotal(corr)).toBeCloseTo(0.8, 8);
  });
});

describe('scaleReliability', () => {
  it('refuses what cannot be computed: one item, two respondents, or an item nobody varied on', () => {
    expect(scaleReliability(['a'], [[1], [2], [3]])).toBeNull();
    expect(
      scaleReliability(
        ['a', 'b'],
        [
          [1, 2],
          [2, 3],
        ],
      ),
    ).toBeNull();
    expect(
      scaleReliability(
        ['a', 'b'],
        [
          [1, 3],
          [2, 3],
          [3, 3],
        ],
      ),
    ).toBeNull();
  });

  it('gives the same bootstrap interval for ω every time (seeded), and one that holds ω', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [1 + (i % 5), 1 + ((i + (i % 3)) % 5), 1 + ((i * 2 + (i % 4)) % 5)]);
    const first = scaleReliability(['a', 'b', 'c'], rows, { resamples: 200 })!;
    const again = scaleReliability(['a', 'b', 'c'], rows, { resamples: 200 })!;
    expect(first.omegaCi).toEqual(again.omegaCi);
    expect(first.omegaCi![0]).toBeLessThan(first.omega);
    expect(first.omegaCi![1]).toBeGreaterThan(first.omega);
  });

  it('pauses every 25 resamples when run step by step (so a server can serve others meanwhile), with the same result', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [1 + (i % 5), 1 + ((i + (i % 3)) % 5), 1 + ((i * 2 + (i % 4)) % 5)]);
    const steps = scaleReliabilitySteps(['a', 'b', 'c'], rows, { resamples: 200 });
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    expect(pauses).toBe(200 / 25);
    expect(next.value).toEqual(scaleReliability(['a', 'b', 'c'], rows, { resamples: 200 }));
  });
});
