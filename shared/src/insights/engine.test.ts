import { describe, expect, it } from 'vitest';
import { runInsights, type CycleInput } from './engine.js';
import { createRandom } from './random.js';
import type { ResponseScore } from './scores.js';
import { ORGANISATION_ID, type TeamRef } from './tree.js';

const teams: TeamRef[] = [
  { id: 'ops', parentId: null },
  { id: 'legal', parentId: 'ops' },
  { id: 'it', parentId: 'ops' },
  { id: 'tiny', parentId: 'ops' },
];

const response = (rel: number, other: number): ResponseScore => ({
  constructs: { autonomy: other, competence: other, relatedness: rel, openness: rel },
  facets: {
    autonomy: { satisfaction: other, frustration: 100 - other },
    competence: { satisfaction: other, frustration: 100 - other },
    relatedness: { satisfaction: rel, frustration: 100 - rel },
  },
});

/**
 * 24 months. legal (7 of 8 answer, with noise) retreats from month 15 on, 25 points over four
 * months; it (8 of 9) answers the same spread of scores every month; tiny has 2 respondents.
 */
function history(): CycleInput[] {
  const r = createRandom(5);
  const steady = [-15, -10, -5, 0, 0, 5, 10, 15].map((d) => response(70 + d, 65 - d));
  return Array.from({ length: 24 }, (_, t) => {
    const fall = t >= 14 ? Math.min(25, (t - 13) * 6.25) : 0;
    const people = (n: number, rel: number) => Array.from({ length: n }, () => response(rel + 12 * r.normal(), 65 + 12 * r.normal()));
    return {
      cycleId: `m${t + 1}`,
      byTeam: new Map([
        ['legal', { invited: 8, responses: people(7, 70 - fall) }],
        ['it', { invited: 9, responses: steady }],
        ['tiny', { invited: 3, responses: people(2, 70) }],
      ]),
    };
  });
}

describe('runInsights', () => {
  const result = runInsights({ teams, cycles: history() });

  it('shows trends with counts on every point and scores only on visible ones', () => {
    const tiny = result.trends.get('tiny')!;
    expect(tiny).toHaveLength(24);
    expect(tiny[0]).toEqual({
      cycleId: 'm1',
      label: 'm1',
      invited: 3,
      responded: 2,
      suppressed: true,
      reason: 'below_threshold',
      message: 'fewer than 5 responses',
    });
    // ops (17) − legal (7) − it (8) would reveal tiny's 2. Hiding the roll-ups ops and the
    // organisation (equal to ops) keeps both teams' own views.
    const ops = result.trends.get('ops')![0]!;
    expect(ops).toMatchObject({ invited: 20, responded: 17, suppressed: true, reason: 'complementary' });
    expect(ops.scores).toBeUndefined();
    expect(result.trends.get(ORGANISATION_ID)![0]).toMatchObject({ responded: 17, suppressed: true });
    const legal = result.trends.get('legal')![0]!;
    expect(legal).toMatchObject({ invited: 8, responded: 7, suppressed: false });
    expect(legal.scores!.relatedness.n).toBe(7);
  });

  it('raises a fortress warning for the retreating team within three cycles, and none for the steady one', () => {
    const fortress = result.alerts.filter((a) => a.kind === 'fortress' && a.level !== 'watch');
    const legal = fortress.filter((a) => a.teamId === 'legal').map((a) => a.cycleIndex);
    expect(legal.length).toBeGreaterThan(0);
    expect(Math.min(...legal)).toBeLessThanOrEqual(14 + 3);
    expect(result.alerts.filter((a) => a.teamId === 'it')).toEqual([]);
    // Once the chart has a baseline the trend carries the fortress index.
    expect(result.trends.get('legal')![17]!.fortressIndex).toBeGreaterThan(30);
    expect(result.trends.get('it')![17]!.fortressIndex).toBe(0);
  });

  it('takes a fall that has held beyond the limit for four readings as the team’s new normal', () => {
    const restarts = result.drift
      .get('legal')!
      .filter((p) => p.baselineRestarted)
      .map((p) => p.cycleIndex);
    expect(restarts).toHaveLength(1);
    expect(restarts[0]).toBeGreaterThanOrEqual(17);
    expect(restarts[0]).toBeLessThanOrEqual(20);
    expect(result.alerts.filter((a) => a.teamId === 'legal' && a.cycleIndex > restarts[0]! && a.level !== 'watch')).toEqual([]);
    expect(result.trends.get('legal')![23]!.fortressIndex).toBeLessThan(10);
  });

  it('is deterministic and idempotent, with sorted, unique upsert keys', () => {
    const again = runInsights({ teams, cycles: history() });
    expect(again.alerts).toEqual(result.alerts);
    const keys = result.alerts.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    const order = result.alerts.map((a) => `${a.teamId}|${String(a.cycleIndex).padStart(3, '0')}`);
    expect(order).toEqual([...order].sort());
  });

  it('rejects a threshold outside 3..10', () => {
    expect(() => runInsights({ teams, cycles: [], threshold: 2 })).toThrow(/3 to 10/);
  });
});
