import { describe, expect, it } from 'vitest';
import { baselineWindow, type WindowRule } from './baseline.js';
import { ewmaSigma } from './ewma.js';
import { newTrack, trackStep } from './exact-ewma.js';
import { createRandom } from './random.js';

const rule: WindowRule = { baselineCycles: 6, baselineGap: 3, minBaselineCycles: 2 };

describe('the baseline window', () => {
  it('starts at the third visible cycle and lets the gap grow with the history', () => {
    // h earlier readings → [from, to) of the baseline (by hand from gap = min(3, h − 2)).
    expect(baselineWindow(0, 2, rule)).toBeNull();
    expect(baselineWindow(1, 2, rule)).toBeNull();
    expect(baselineWindow(2, 2, rule)).toEqual([0, 2]); // third cycle: the first two
    expect(baselineWindow(3, 2, rule)).toEqual([0, 2]); // gap 1
    expect(baselineWindow(5, 2, rule)).toEqual([0, 2]); // gap 3: readings 2–4 stay out
    expect(baselineWindow(6, 2, rule)).toEqual([0, 3]);
    expect(baselineWindow(9, 2, rule)).toEqual([0, 6]);
    expect(baselineWindow(12, 2, rule)).toEqual([3, 9]); // a rolling window of 6, 3 back
    // After a restart the four held readings are the baseline at once.
    expect(baselineWindow(4, 4, rule)).toEqual([0, 4]);
    expect(baselineWindow(5, 4, rule)).toEqual([0, 4]);
  });
});

describe('EWMA limits that carry the baseline error', () => {
  it('follows the hand calculation without shrinkage', () => {
    // λ = 0.5, σ² = 100, baseline = two cycles of 4 (N = 8), readings of 4, each 10 above μ0.
    const track = newTrack();
    const window = [
      { index: 0, n: 4 },
      { index: 1, n: 4 },
    ];
    const a = trackStep(track, { d: 10, index: 2, n: 4, window, N: 8, w: 1, sigma2: 100, tau2: 0 }, 0.5);
    // E = 5; coefficients ε2: 0.5, ε0 = ε1 = −0.5 · 4/8 = −0.25;
    // Var = 100 · (0.25 + 0.0625 + 0.0625) / 4 = 9.375, sd = 3.0619, score 1.6330.
    expect(a.ewma).toBeCloseTo(5, 12);
    expect(a.sd).toBeCloseTo(Math.sqrt(9.375), 12);
    expect(a.score).toBeCloseTo(1.633, 3);
    // The reading alone: Var(d) = 100 · (1/4 + 1/8) = 37.5, z = 10 / 6.1237.
    expect(a.z).toBeCloseTo(10 / Math.sqrt(37.5), 12);
    const b = trackStep(track, { d: 10, index: 3, n: 4, window, N: 8, w: 1, sigma2: 100, tau2: 0 }, 0.5);
    // E = 7.5; ε0 = ε1 = 0.5 · −0.25 − 0.25 = −0.375, ε2 = 0.25, ε3 = 0.5:
    // Var = 25 · (2 · 0.140625 + 0.0625 + 0.25) = 14.84375, score 7.5 / 3.8528 = 1.9466.
    expect(b.ewma).toBeCloseTo(7.5, 12);
    expect(b.sd ** 2).toBeCloseTo(14.84375, 10);
    expect(b.score).toBeCloseTo(1.9467, 4);
    // The textbook limit, blind to the baseline's error, would call the same evidence
    // 7.5 / (√(0.5/1.5) · √(100/4) · √(1 − 0.5⁴)) = 2.683σ.
    expect(7.5 / (ewmaSigma(0.5) * 5 * Math.sqrt(1 - 0.5 ** 4))).toBeGreaterThan(b.score + 0.7);
  });

  it('adds the error of the shrinkage target by hand', () => {
    // w = 0.8, τ² = 50: u's coefficient is λ(1 − w) = 0.1, ε2: 0.5, ε0 = ε1 = −0.5 · 0.8 · 0.5 = −0.2.
    // Var = 50 · 0.01 + 100 · (0.25 + 0.04 + 0.04) / 4 = 0.5 + 8.25 = 8.75.
    const s = trackStep(
      newTrack(),
      {
        d: 4,
        index: 2,
        n: 4,
        window: [
          { index: 0, n: 4 },
          { index: 1, n: 4 },
        ],
        N: 8,
        w: 0.8,
        sigma2: 100,
        tau2: 50,
      },
      0.5,
    );
    expect(s.sd ** 2).toBeCloseTo(8.75, 12);
  });

  /**
   * Direct Monte Carlo of the in-control model: a team's level μ ~ N(60, τ²), cycle means
   * N(μ, σ²/n) with n from 4 to 12, the window rule above, the empirical-Bayes μ0 with the true
   * τ² and σ². Returns, per reading, the share of teams beyond ±L, from the exact limits and
   * from the textbook asymptotic ones (σ_E = √(λ/(2−λ)) · σ/√n, no baseline error).
   */
  function falseAlarms(L: number, runs: number, readings: number) {
    const random = createRandom(20261204);
    const lambda = 0.3;
    const tau2 = 40;
    const sigma = 16;
    const exact = new Array<number>(readings).fill(0);
    const textbook = new Array<number>(readings).fill(0);
    for (let run = 0; run < runs; run++) {
      const mu = 60 + Math.sqrt(tau2) * random.normal();
      const means: number[] = [];
      const ns: number[] = [];
      const track = newTrack();
      let naive = 0;
      for (let h = 0; h < readings + 2; h++) {
        const n = random.int(4, 12);
        const mean = mu + (sigma / Math.sqrt(n)) * random.normal();
        const win = baselineWindow(h, 2, rule);
        if (win) {
          const window = [];
          let N = 0;
          let sum = 0;
          for (let j = win[0]; j < win[1]; j++) {
            window.push({ index: j, n: ns[j]! });
            N += ns[j]!;
            sum += ns[j]! * means[j]!;
          }
          const w = tau2 / (tau2 + sigma ** 2 / N);
          const d = mean - (w * (sum / N) + (1 - w) * 60);
          const k = h - 2;
          const step = trackStep(track, { d, index: h, n, window, N, w, sigma2: sigma ** 2, tau2 }, lambda);
          if (Math.abs(step.score) > L) exact[k]!++;
          naive = lambda * (d / (sigma / Math.sqrt(n))) + (1 - lambda) * naive;
          if (Math.abs(naive / ewmaSigma(lambda)) > L) textbook[k]!++;
        }
        means.push(mean);
        ns.push(n);
      }
    }
    return { exact: exact.map((x) => x / runs), textbook: textbook.map((x) => x / runs) };
  }

  it('holds the normal false-alarm rate at every reading, from the third cycle on (Monte Carlo)', () => {
    // P(|Z| > 2) = 2 (1 − Φ(2)) = 0.0455 (Φ(2) = 0.97725, standard normal table).
    const runs = 20000;
    const { exact, textbook } = falseAlarms(2, runs, 10);
    const se = Math.sqrt((0.0455 * 0.9545) / runs);
    for (const rate of exact) expect(Math.abs(rate - 0.0455)).toBeLessThan(4 * se);
    // Limits that ignore a short baseline's error are far too narrow in a team's first months:
    // measured 8% at the second reading and 17% at the fourth, against 4.55%.
    expect(textbook[1]).toBeGreaterThan(0.0455 * 1.5);
    expect(textbook[3]).toBeGreaterThan(0.0455 * 3);
  });
});
