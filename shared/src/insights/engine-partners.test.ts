import { describe, expect, it } from 'vitest';
import { aggregateAlignment, visibleAlignment } from './alignment.js';
import { runInsights, type CycleInput } from './engine.js';
import type { PartnerCellInput } from './partner.js';
import { createRandom } from './random.js';
import type { ResponseScore } from './scores.js';
import { momentsOf } from './stats.js';
import { buildTeamTree, type TeamRef } from './tree.js';

const teams: TeamRef[] = [
  { id: 'legal', parentId: null },
  { id: 'sales', parentId: null },
  { id: 'support', parentId: null },
];

const response = (rel: number): ResponseScore => ({
  constructs: { autonomy: 65, competence: 65, relatedness: rel, openness: rel },
  facets: {
    autonomy: { satisfaction: 65, frustration: 35 },
    competence: { satisfaction: 65, frustration: 35 },
    relatedness: { satisfaction: rel, frustration: 100 - rel },
  },
});

/**
 * 24 months of three teams of 8. From month 15 Sales and Support rate Legal's responsiveness
 * lower, 30 points over three months, while Legal's own answers do not move at all.
 */
function history(withPartners: boolean): CycleInput[] {
  const r = createRandom(11);
  return Array.from({ length: 24 }, (_, t) => {
    const fall = t >= 14 ? Math.min(30, (t - 13) * 10) : 0;
    const people = (n: number, level: number) => Array.from({ length: n }, () => level + 12 * r.normal());
    const byTeam = new Map(teams.map((team) => [team.id, { invited: 8, responses: people(8, 70).map(response) }]));
    const partners: PartnerCellInput[] = [
      { providerId: 'legal', raterTeamId: 'sales', moments: momentsOf(people(6, 65 - fall)) },
      { providerId: 'legal', raterTeamId: 'support', moments: momentsOf(people(3, 65 - fall)) },
      { providerId: 'sales', raterTeamId: 'legal', moments: momentsOf(people(7, 65)) },
    ];
    return { cycleId: `m${t + 1}`, byTeam, ...(withPartners ? { partners } : {}) };
  });
}

describe('the engine with partner ratings', () => {
  const without = runInsights({ teams, cycles: history(false) });
  const withPartners = runInsights({ teams, cycles: history(true), customers: new Map([['legal', { driveThru: 2, strategic: 0 }]]) });

  it('shows a provider’s partner line only with k ratings from two teams', () => {
    const legal = withPartners.trends.get('legal')!;
    expect(legal[0]!.partner).toMatchObject({ n: 9, raterTeams: 2 });
    expect(legal[0]!.partner!.ciLow).toBeLessThan(legal[0]!.partner!.mean);
    // Sales is rated by Legal alone: never shown.
    expect(withPartners.trends.get('sales')!.every((p) => p.partner === undefined)).toBe(true);
    expect(without.trends.get('legal')!.every((p) => p.partner === undefined)).toBe(true);
  });

  it('finds a fortress the team does not report itself, and points it at a request menu', () => {
    const fortress = (r: typeof without) => r.alerts.filter((a) => a.teamId === 'legal' && a.kind === 'fortress' && a.level !== 'watch');
    expect(fortress(without)).toEqual([]);
    const found = fortress(withPartners);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.cycleIndex).toBeGreaterThanOrEqual(14);
    expect(found[0]!.summary).toContain('Seen from outside: the teams that rely on this team rate its responsiveness');
    expect(found[0]!.summary).toContain('self-vs-partner gap');
    expect(found[0]!.actions[0]).toMatch(/^Publish a request menu/);
    // The fortress index counts the partners' view.
    const last = withPartners.drift.get('legal')!.at(-1)!;
    expect(last.outside?.partnerSmoothed).toBeLessThan(-10);
    expect(last.fortressIndex).toBeGreaterThan(without.drift.get('legal')!.at(-1)!.fortressIndex!);
  });

  it('changes nothing for teams without partner ratings', () => {
    expect(withPartners.drift.get('support')).toEqual(without.drift.get('support'));
    expect(withPartners.alerts.filter((a) => a.teamId === 'support')).toEqual(without.alerts.filter((a) => a.teamId === 'support'));
  });
});

describe('values alignment', () => {
  it('rolls up and hides a small group of alignment answers the main decision would not see', () => {
    // P (roll-up) has A and B; only members of B (3) and A (6) with values answer alignment.
    const tree = buildTeamTree([
      { id: 'P', parentId: null },
      { id: 'A', parentId: 'P' },
      { id: 'B', parentId: 'P' },
    ]);
    const agg = aggregateAlignment(
      'c1',
      tree,
      new Map([
        ['A', momentsOf([50, 75, 75, 100, 100, 100])],
        ['B', momentsOf([0, 25, 25])],
      ]),
      5,
    );
    const node = (id: string) => tree.indexOf.get(id)!;
    // B is below k; A visible would give B by P − A, so the optimal rule keeps A and hides P.
    expect(visibleAlignment(agg, node('B'), true)).toBeNull();
    expect(visibleAlignment(agg, node('A'), true)).toMatchObject({ n: 6, mean: 500 / 6 });
    expect(visibleAlignment(agg, node('P'), true)).toBeNull();
    // Never shown where the main cell is hidden.
    expect(visibleAlignment(agg, node('A'), false)).toBeNull();
  });

  it('appears on trend points like a construct', () => {
    const cycles: CycleInput[] = [
      {
        cycleId: 'c1',
        byTeam: new Map([['legal', { invited: 8, responses: Array.from({ length: 6 }, () => response(60)) }]]),
        alignment: new Map([['legal', momentsOf([25, 50, 50, 75, 75, 100])]]),
      },
    ];
    const [point] = runInsights({ teams: [{ id: 'legal', parentId: null }], cycles }).trends.get('legal')!;
    expect(point!.alignment).toMatchObject({ n: 6, mean: 62.5 });
  });
});
