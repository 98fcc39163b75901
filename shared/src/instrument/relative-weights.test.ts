import { describe, expect, it } from 'vitest';
import { relativeWeights } from './relative-weights.js';

// Hand calculations; the comparison with R on a response set is in tests/unit/instrument-reference.test.ts.
describe('Johnson’s relative weights', () => {
  it('are the squared correlations when the predictors are uncorrelated', () => {
    const identity = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : 0)));
    const result = relativeWeights(identity, [0.5, 0.3, -0.2, 0.1])!;
    expect(result.weights.map((w) => Number(w.toFixed(12)))).toEqual([0.25, 0.09, 0.04, 0.01]);
    expect(result.rSquared).toBeCloseTo(0.39, 12);
  });

  it('split R² = 0.25 into 0.205 and 0.045 for two predictors correlated 0.6 with r_xy = (0.5, 0.3)', () => {
    // R_xx = [[1, .6], [.6, 1]]: eigenvalues 1.6 and 0.4 with vectors (1, ±1)/√2, so
    // Λ = R_xx^½ = [[c, d], [d, c]] with c² = 0.9, d² = 0.1; β = Λ⁻¹ r_xy = (3, 1)/√40;
    // ε₁ = c²β₁² + d²β₂² = 0.9·0.225 + 0.1·0.025 = 0.205, ε₂ = 0.1·0.225 + 0.9·0.025 = 0.045;
    // R² = r_xyᵀ R_xx⁻¹ r_xy = (0.25 + 0.09 − 2·0.6·0.15)/0.64 = 0.25.
    const result = relativeWeights(
      [
        [1, 0.6],
        [0.6, 1],
      ],
      [0.5, 0.3],
    )!;
    expect(result.weights[0]).toBeCloseTo(0.205, 12);
    expect(result.weights[1]).toBeCloseTo(0.045, 12);
    expect(result.rSquared).toBeCloseTo(0.25, 12);
  });

  it('refuses predictors that are linearly dependent', () => {
    expect(
      relativeWeights(
        [
          [1, 1],
          [1, 1],
        ],
        [0.5, 0.5],
      ),
    ).toBeNull();
  });
});
