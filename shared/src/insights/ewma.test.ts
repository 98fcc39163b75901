import { describe, expect, it } from 'vitest';
import { ewmaSigma, ewmaStep, standardizedMean, type EwmaParams } from './ewma.js';
import { createRandom } from './random.js';

describe('EWMA chart arithmetic', () => {
  it('standardizes a cycle mean with that cycle’s n', () => {
    // 10 points below a baseline of 70 with σ = 20 and n = 4: se = 10, z = −1.
    expect(standardizedMean(60, 70, 20, 4)).toBe(-1);
    expect(standardizedMean(60, 70, 20, 16)).toBe(-2);
  });

  it('follows the recursion and the asymptotic limit by hand', () => {
    const p: EwmaParams = { lambda: 0.2, L: 3 };
    // σ_E = √(0.2/1.8) = 1/3, so the limit is ±1.
    expect(ewmaSigma(0.2)).toBeCloseTo(1 / 3, 12);
    const a = ewmaStep(0, -3, p); // E = −0.6, score −1.8
    expect(a.ewma).toBeCloseTo(-0.6, 12);
    expect(a.score).toBeCloseTo(-1.8, 12);
    expect(a.signal).toBe(0);
    const b = ewmaStep(a.ewma, -3, p); // E = −0.6 − 0.48 = −1.08 → score −3.24 beyond −3
    expect(b.ewma).toBeCloseTo(-1.08, 12);
    expect(b.signal).toBe(-1);
  });
});

/**
 * Zero-state run length: cycles until the chart first signals, with team means drawn from a
 * normal shifted by `shift` standard errors and n varying between cycles (5..12 respondents).
 */
function runLength(p: EwmaParams, shift: number, seed: number, runs: number): number {
  const random = createRandom(seed);
  const mu0 = 70;
  const sigma = 18;
  let total = 0;
  for (let run = 0; run < runs; run++) {
    let ewma = 0;
    for (let t = 1; ; t++) {
      const n = random.int(5, 12);
      const se = sigma / Math.sqrt(n);
      const mean = mu0 + (shift + random.normal()) * se;
      const point = ewmaStep(ewma, standardizedMean(mean, mu0, sigma, n), p);
      ewma = point.ewma;
      if (point.signal !== 0) {
        total += t;
        break;
      }
    }
  }
  return total / runs;
}

// Lucas & Saccucci (1990), as tabulated in Montgomery, Introduction to Statistical Quality
// Control, Table 9.11 (zero-state ARLs, asymptotic limits).
describe('EWMA average run lengths match Lucas & Saccucci (1990)', () => {
  it.each([
    { lambda: 0.2, L: 2.962, shift: 0, arl: 500, runs: 6000 },
    { lambda: 0.2, L: 2.962, shift: 1, arl: 10.5, runs: 20000 },
    { lambda: 0.2, L: 2.962, shift: 2, arl: 3.7, runs: 20000 },
    { lambda: 0.1, L: 2.814, shift: 0, arl: 500, runs: 6000 },
    { lambda: 0.1, L: 2.814, shift: 1, arl: 10.3, runs: 20000 },
    { lambda: 0.4, L: 3.054, shift: 1, arl: 14.3, runs: 20000 },
  ])('λ = $lambda, L = $L, shift $shift σ: ARL ≈ $arl', ({ lambda, L, shift, arl, runs }) => {
    const measured = runLength({ lambda, L }, shift, 1000 + shift * 7 + lambda * 100, runs);
    expect(measured).toBeGreaterThan(arl * 0.9);
    expect(measured).toBeLessThan(arl * 1.1);
  });
});
