import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregatePartners, partnerScore, partnerSummary, partnersToAsk, ratingRegionsSafe, suppressRatingCells } from './partner.js';
import { momentsOf } from './stats.js';
import { inSpan, rowSpace } from './testing/rational-span.js';

const items = ['par_yes', 'par_direct'];

describe('partner ratings', () => {
  it('scores a rating as the mean of its two items on 0–100, and refuses a broken one', () => {
    expect(partnerScore({ par_yes: 5, par_direct: 3 }, items)).toBe(75);
    expect(partnerScore({ par_yes: 1, par_direct: 1 }, items)).toBe(0);
    expect(() => partnerScore({ par_yes: 6, par_direct: 3 }, items)).toThrow(RangeError);
    expect(() => partnerScore({ par_yes: 4 }, items)).toThrow(/par_direct/);
  });

  it('asks each respondent about at most three providers, each provider about equally often', () => {
    const providers = ['a', 'b', 'c', 'd', 'e'];
    expect(partnersToAsk(['a', 'b'], 7, 3)).toEqual(['a', 'b']);
    expect(partnersToAsk(providers, 0, 0)).toEqual(['a', 'b', 'c']);
    expect(partnersToAsk(providers, 1, 0)).toEqual(['d', 'e', 'a']);
    // Ten respondents, 30 questions over 5 providers: 6 each, whatever the cycle's salt.
    for (const salt of [0, 1, 4, 9]) {
      const asked = new Map<string, number>();
      for (let rank = 0; rank < 10; rank++) for (const p of partnersToAsk(providers, rank, salt)) asked.set(p, (asked.get(p) ?? 0) + 1);
      expect([...asked.values()]).toEqual([6, 6, 6, 6, 6]);
    }
    // The salt moves the windows from one month to the next.
    expect(partnersToAsk(providers, 0, 1)).toEqual(['b', 'c', 'd']);
  });
});

describe('partner suppression', () => {
  it('shows a total only with k ratings from two teams, and blank cells below k', () => {
    // Sales 6, Support 3: the total 9 comes from two teams; Support's cell is blank. Sales's cell
    // would give Support's 3 by subtraction, so it goes blank too.
    expect(suppressRatingCells([6, 3], 5)).toEqual({ total: null, cells: ['complementary', 'below_threshold'] });
    // Three small teams: a total of 9 from three teams, no cell.
    expect(suppressRatingCells([3, 3, 3], 5)).toEqual({ total: null, cells: ['below_threshold', 'below_threshold', 'below_threshold'] });
    // Two teams of 5 and 6: every figure shows.
    expect(suppressRatingCells([5, 6], 5)).toEqual({ total: null, cells: [null, null] });
    // One team, however many ratings: no total; its own cell may show.
    expect(suppressRatingCells([12, 0], 5)).toEqual({ total: 'one_team', cells: [null, 'no_responses'] });
    // Below k in all: nothing.
    expect(suppressRatingCells([2, 2], 5)).toEqual({ total: 'below_threshold', cells: ['below_threshold', 'below_threshold'] });
    // Hidden cells already at k together: the big cells stay.
    expect(suppressRatingCells([7, 3, 2, 8], 5)).toEqual({ total: null, cells: [null, 'below_threshold', 'below_threshold', null] });
  });

  it('never lets a group of fewer than k ratings be derived from the visible figures (exact span)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 3, max: 10 }),
        (counts, k) => {
          const s = suppressRatingCells(counts, k);
          expect(ratingRegionsSafe(counts, s, k)).toBe(true);
          const atoms = counts.map((c, i) => ({ c, i })).filter((a) => a.c > 0);
          const rows: number[][] = [];
          if (s.total === null) rows.push(atoms.map(() => 1));
          atoms.forEach((a, j) => {
            if (s.cells[a.i] === null) rows.push(atoms.map((_, x) => (x === j ? 1 : 0)));
          });
          // Every visible figure has at least k ratings, and the total at least two teams.
          if (s.total === null) expect(atoms.length).toBeGreaterThanOrEqual(2);
          atoms.forEach((a) => s.cells[a.i] === null && expect(a.c).toBeGreaterThanOrEqual(k));
          const space = rowSpace(rows, atoms.length);
          for (let mask = 1; mask < 1 << atoms.length; mask++) {
            const total = atoms.reduce((sum, a, j) => sum + ((mask >> j) & 1 ? a.c : 0), 0);
            if (total >= k) continue;
            const v = atoms.map((_, j) => (mask >> j) & 1);
            expect(inSpan(space, v), `ratings ${v.join('')} of ${counts.join(',')} are derivable at k=${k}`).toBe(false);
          }
        },
      ),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it('aggregates per provider, keeping figures only where they may be shown', () => {
    const agg = aggregatePartners(
      'c1',
      [
        { providerId: 'legal', raterTeamId: 'sales', moments: momentsOf([50, 50, 75, 75, 100, 100]) },
        { providerId: 'legal', raterTeamId: 'support', moments: momentsOf([0, 25, 25]) },
        { providerId: 'it', raterTeamId: 'sales', moments: momentsOf([50, 50, 50, 50, 50]) },
      ],
      5,
    );
    const legal = agg.providers.get('legal')!;
    expect(legal).toMatchObject({ n: 9, raterTeams: 2, reason: null });
    expect(legal.cells.map((c) => [c.raterTeamId, c.reason, c.moments])).toEqual([
      ['sales', 'complementary', null],
      ['support', 'below_threshold', null],
    ]);
    // Mean of 50,50,75,75,100,100,0,25,25 = 500/9.
    expect(partnerSummary(legal)).toMatchObject({ n: 9, raterTeams: 2, mean: 500 / 9 });
    const it = agg.providers.get('it')!;
    expect(it.reason).toBe('one_team');
    expect(partnerSummary(it)).toBeNull();
    expect(it.cells[0]!.moments).toMatchObject({ n: 5, mean: 50 });
  });
});
