import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from './random.js';

describe('seeded random source', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createRandom(43).next()).not.toBe(seqA[0]);
    expect(deriveSeed(1, 2)).not.toBe(deriveSeed(1, 3));
  });

  it('draws normals with mean 0, variance 1 and the right tail share', () => {
    const r = createRandom(2024);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sq += z * z;
      if (Math.abs(z) > 1.96) beyond++;
    }
    expect(sum / n).toBeCloseTo(0, 2);
    expect(sq / n).toBeCloseTo(1, 1);
    // P(|Z| > 1.96) = 0.05; its Monte Carlo SE here is about 0.0005.
    expect(beyond / n).toBeGreaterThan(0.048);
    expect(beyond / n).toBeLessThan(0.052);
  });
});
