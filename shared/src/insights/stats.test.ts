import { describe, expect, it } from 'vitest';
import { incompleteBeta, lnGamma, mergeMoments, momentsOf, studentTCdf, studentTQuantile, summarize, summarizeMoments } from './stats.js';

describe('lnGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('incompleteBeta', () => {
  it('satisfies closed forms: I_x(1,1) = x, I_x(a,1) = x^a, I_x(1,b) = 1−(1−x)^b, I_½(a,a) = ½', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 12);
    expect(incompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 12);
    expect(incompleteBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 12);
  });
});

describe('Student t', () => {
  it('has the CDF of the Cauchy distribution at df = 1', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(-2, 1)).toBeCloseTo(0.5 + Math.atan(-2) / Math.PI, 12);
  });

  // Published two-sided 95% critical values (any t table, e.g. Montgomery Appendix IV).
  it.each([
    [1, 12.706],
    [2, 4.303],
    [4, 2.776],
    [9, 2.262],
    [10, 2.228],
    [29, 2.045],
    [30, 2.042],
    [120, 1.98],
  ])('t(0.975, %i) = %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it.each([
    [0.95, 10, 1.812],
    [0.995, 5, 4.032],
    [0.9, 3, 1.638],
    [0.999, 20, 3.552],
  ])('t(%f, %i) = %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 3);
  });

  it('tends to the normal 1.95996 for large df and is symmetric', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.95996, 4);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.776, 3);
  });
});

describe('summarize', () => {
  it('computes the hand-worked interval for 60, 70, 80, 90, 100', () => {
    // mean 80; squared deviations 400+100+0+100+400 = 1000; sd = √(1000/4) = 15.8114;
    // se = 15.8114/√5 = 7.0711; half-width = 2.77645 × 7.0711 = 19.632.
    const s = summarize([60, 70, 80, 90, 100]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(80);
    expect(s.sd).toBeCloseTo(15.8114, 4);
    expect(s.ciLow).toBeCloseTo(60.368, 3);
    expect(s.ciHigh).toBeCloseTo(99.632, 3);
  });

  it('computes the hand-worked interval for two values', () => {
    // 40 and 60: mean 50, sd = √200 = 14.142, se = 10, half-width = 12.706 × 10 = 127.06.
    const s = summarize([40, 60]);
    expect(s.sd).toBeCloseTo(14.1421, 4);
    expect(s.ciLow).toBeCloseTo(50 - 127.062, 2);
    expect(s.ciHigh).toBeCloseTo(50 + 127.062, 2);
  });

  it('shows no spread for one value and nothing for none', () => {
    expect(summarize([42])).toEqual({ n: 1, mean: 42, sd: null, ciLow: null, ciHigh: null });
    expect(summarize([])).toEqual({ n: 0, mean: null, sd: null, ciLow: null, ciHigh: null });
  });

  it('gives a zero-width interval when every value is the same', () => {
    const s = summarize([75, 75, 75]);
    expect(s.sd).toBe(0);
    expect(s.ciLow).toBe(75);
    expect(s.ciHigh).toBe(75);
  });

  it('merges groups to the same figures as pooling the raw values', () => {
    const a = [10, 20, 35];
    const b = [50, 55, 90, 100];
    const merged = summarizeMoments(mergeMoments(momentsOf(a), momentsOf(b)));
    // Pooled by hand: mean = 360/7 = 51.4286; Σx² = 25350, so m2 = 25350 − 360²/7 = 6835.714.
    expect(merged.mean).toBeCloseTo(51.4286, 4);
    expect(merged.sd).toBeCloseTo(Math.sqrt(6835.714 / 6), 3);
  });
});
