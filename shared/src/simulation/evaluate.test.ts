import { describe, expect, it } from 'vitest';
import { rates } from './evaluate.js';
import type { SimTeam } from './generator.js';

const team = (id: string, pattern: SimTeam['pattern'], onset: number | null = null, extra: Partial<SimTeam> = {}): SimTeam => ({
  id,
  parentId: null,
  size: 10,
  responseRate: 0.8,
  pattern,
  onset,
  joined: 0,
  step: null,
  ...extra,
});

describe('simulation rates', () => {
  it('counts detection within 3 cycles, the median delay and every stable team-year, the first included, by hand', () => {
    const teams = [
      team('d1', 'fortress', 14), // flagged at 16: delay 2, within 3
      team('d2', 'fortress', 12), // flagged at 10 (before onset, ignored) and 17: delay 5
      team('d3', 'fortress', 15), // never flagged
      team('s1', 'stable'), // flagged at 5 (its first year) and 30 (its third)
      team('s2', 'stable-noisy'), // flagged at 20: second year
      team('s3', 'stable'),
      team('j1', 'stable', null, { joined: 10 }), // years [10, 22) and [22, 34); flagged at 25
      team('t1', 'stable', null, { step: { at: 14, size: 0.5 } }), // 14–19 is news; 21 is not
      team('p1', 'pressure-only'), // neither drifting nor stable
    ];
    const flags = new Map([
      ['d1', [16]],
      ['d2', [10, 17]],
      ['s1', [5, 30]],
      ['s2', [20]],
      ['j1', [25]],
      ['t1', [14, 19, 21]],
      ['p1', [13]],
    ]);
    // 36 cycles: s1, s2, s3 and t1 have three years each, j1 two: 14 team-years, 5 flagged
    // (s1 twice, s2, j1, t1 once). First years: 5, 1 flagged (s1).
    const r = rates(teams, flags, 36);
    expect(r).toEqual({
      drifting: 3,
      stable: 5,
      detectionWithin3: 1 / 3,
      medianDelay: 3.5,
      stableFlaggedPerYear: 5 / 14,
      stableFlaggedFirstYear: 1 / 5,
    });
  });

  it('reports nothing rather than zero when a group is empty', () => {
    expect(rates([], new Map(), 24)).toEqual({
      drifting: 0,
      stable: 0,
      detectionWithin3: null,
      medianDelay: null,
      stableFlaggedPerYear: null,
      stableFlaggedFirstYear: null,
    });
  });
});
