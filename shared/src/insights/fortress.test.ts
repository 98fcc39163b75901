import { describe, expect, it } from 'vitest';
import { fortressIndex } from './fortress.js';

describe('fortressIndex', () => {
  it('is 0 when relatedness and openness hold or rise, whatever autonomy does', () => {
    expect(fortressIndex({ relatedness: 0, openness: 0, autonomy: 0 })).toBe(0);
    expect(fortressIndex({ relatedness: 5, openness: 3, autonomy: 20 })).toBe(0);
    expect(fortressIndex({ relatedness: 10, openness: -10, autonomy: 0 })).toBe(0);
  });

  it('rises with the retreat, and further while autonomy holds', () => {
    // Relatedness −15, openness −12 → fall 13.5. Autonomy +2: gap widening 15.5, capped at
    // the fall 13.5 → 2·13.5 + 2·13.5 = 54.
    expect(fortressIndex({ relatedness: -15, openness: -12, autonomy: 2 })).toBe(54);
    // Same retreat, autonomy −10: widening 3.5 → 27 + 7 = 34.
    expect(fortressIndex({ relatedness: -15, openness: -12, autonomy: -10 })).toBe(34);
    // Autonomy fell as far as the others: a general slump, retreat only → 27.
    expect(fortressIndex({ relatedness: -15, openness: -12, autonomy: -13.5 })).toBe(27);
  });

  it('reaches 100 at a one-scale-point retreat with autonomy holding, and stops there', () => {
    expect(fortressIndex({ relatedness: -25, openness: -25, autonomy: 0 })).toBe(100);
    expect(fortressIndex({ relatedness: -25, openness: -25, autonomy: -25 })).toBe(50);
    expect(fortressIndex({ relatedness: -40, openness: -40, autonomy: 5 })).toBe(100);
  });

  it("counts the partners' view as half of openness when partner ratings exist", () => {
    // Self-rated openness holds (0), partners see −20: openness' = −10; with relatedness −10 the
    // fall is 10, autonomy 0 holds it all → 20 + 20 = 40. Without partners the index is only 20.
    expect(fortressIndex({ relatedness: -10, openness: 0, autonomy: 0, partner: -20 })).toBe(40);
    expect(fortressIndex({ relatedness: -10, openness: 0, autonomy: 0 })).toBe(20);
    // Partners who see no change soften a self-reported retreat: −12 becomes −6.
    expect(fortressIndex({ relatedness: -15, openness: -12, autonomy: 2, partner: 0 })).toBe(42);
  });
});
