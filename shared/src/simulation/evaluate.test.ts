import { describe, expect, it } from 'vitest';
import { rates } from './evaluate.js';
import type { SimTeam } from './generator.js';

const team = (id: string, pattern: SimTeam['pattern'], onset: number | null = null): SimTeam => ({
  id,
  parentId: null,
  size: 10,
  responseRate: 0.8,
  pattern,
  onset,
});

describe('simulation rates', () => {
  it('counts detection within 3 cycles, the median delay and stable team-years by hand', () => {
    const teams = [
      team('d1', 'fortress', 14), // flagged at 16: delay 2, within 3
      team('d2', 'fortress', 12), // flagged at 10 (before onset, ignored) and 17: delay 5
      team('d3', 'fortress', 15), // never flagged
      team('s1', 'stable'), // flagged at 5 (learning year, not counted) and 30: the third year
      team('s2', 'stable-noisy'), // flagged at 20: second year
      team('s3', 'stable'),
      team('p1', 'pressure-only'), // neither drifting nor stable
    ];
    const flags = new Map([
      ['d1', [16]],
      ['d2', [10, 17]],
      ['s1', [5, 30]],
      ['s2', [20]],
      ['p1', [13]],
    ]);
    // 36 cycles: years [12, 24) and [24, 36) count, the learning year [0, 12) does not.
    const r = rates(teams, flags, 36);
    expect(r).toEqual({
      drifting: 3,
      stable: 3,
      detectionWithin3: 1 / 3,
      medianDelay: 3.5,
      stableFlaggedPerYear: 2 / 6,
    });
  });

  it('reports nothing rather than zero when a group is empty', () => {
    expect(rates([], new Map(), 24)).toEqual({ drifting: 0, stable: 0, detectionWithin3: null, medianDelay: null, stableFlaggedPerYear: null });
  });
});
