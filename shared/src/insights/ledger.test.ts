import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOMENTS_LENGTH } from './aggregate.js';
import { runInsights, type CycleInput } from './engine.js';
import { publishedKey, type Publication } from './ledger.js';
import type { PartnerCellInput } from './partner.js';
import { arbitraryCase, derivableSmallGroup, treeRows } from './testing/derivable.js';
import { buildTeamTree, type TeamRef } from './tree.js';

/**
 * One closed cycle, its partner ratings (provider, customer, ratings) and its later life: a
 * threshold change, a rebuild at the same threshold, or a late answer for a team.
 */
const arbitraryHistory = fc.record({
  forest: arbitraryCase,
  /** Alignment answers per team, capped at its respondents. */
  aligned: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 15, maxLength: 15 }),
  partners: fc.array(fc.record({ provider: fc.nat(14), customer: fc.nat(14), n: fc.integer({ min: 1, max: 9 }) }), { maxLength: 8 }),
  steps: fc.array(
    fc.oneof(
      fc.record({ threshold: fc.integer({ min: 3, max: 10 }) }),
      fc.constant({ rebuild: true as const }),
      fc.record({ late: fc.nat(14) }),
    ),
    { minLength: 1, maxLength: 8 },
  ),
});
type History = typeof arbitraryHistory extends fc.Arbitrary<infer H> ? H : never;

/** Flat moments of `n` answers (every measure at 50, no spread). */
const momentsOfCount = (n: number) => Array.from({ length: MOMENTS_LENGTH }, (_, i) => (i % 3 === 0 ? n : i % 3 === 1 ? 50 : 0));
const moments = (n: number) => ({ n, mean: 50, m2: 0 });

interface Shown {
  /** Every threshold in force when a decision for the cycle was served. */
  thresholds: number[];
  /** Every cell ever shown, with the n it was shown with. */
  cells: Map<string, number>;
  publication: Publication;
}

/**
 * Runs the cycle's history through the engine as the server does (the first decision is the
 * publication; later ones get it as `published`, or nothing with `ledger: false`) and collects
 * everything ever shown. Late data adds a respondent to a team after publication.
 */
function replay(
  h: History,
  ledger = true,
): { shown: Shown; teams: TeamRef[]; direct: Map<string, number>; ratings: Map<string, number[]> } {
  const { teams, direct } = h.forest;
  const ids = teams.map((t) => t.id);
  const counts = new Map(direct);
  const aligned = new Map(ids.map((id, i) => [id, Math.min(direct.get(id)!, h.aligned[i]!)]));
  const partnerCells = new Map<string, PartnerCellInput>();
  for (const p of h.partners) {
    const providerId = ids[p.provider % ids.length]!;
    const raterTeamId = ids[p.customer % ids.length]!;
    if (providerId !== raterTeamId) partnerCells.set(`${providerId}|${raterTeamId}`, { providerId, raterTeamId, moments: moments(p.n) });
  }
  const ratings = new Map<string, number[]>();
  for (const c of partnerCells.values()) ratings.set(c.providerId, [...(ratings.get(c.providerId) ?? []), c.moments.n]);

  let k = h.forest.k;
  let published: Publication | undefined;
  const shown: Shown = { thresholds: [], cells: new Map(), publication: { threshold: k, cells: new Map() } };
  const decide = () => {
    const cycle: CycleInput = {
      cycleId: 'c',
      teams,
      byTeam: new Map(ids.map((id) => [id, { invited: counts.get(id)!, moments: momentsOfCount(counts.get(id)!) }])),
      alignment: new Map(ids.filter((id) => aligned.get(id)! > 0).map((id) => [id, moments(aligned.get(id)!)])),
      partners: [...partnerCells.values()],
      ...(published ? { published } : {}),
    };
    const publication = runInsights({ teams, cycles: [cycle], threshold: k }).publications[0]!;
    if (!published && ledger) published = publication;
    if (!published || !ledger) shown.publication = publication;
    shown.thresholds.push(k);
    for (const [key, n] of publication.cells) {
      // A cell shown again must be the same cell: late data changes its n, and it must then stay hidden.
      if (shown.cells.has(key) && shown.cells.get(key) !== n) throw new Error(`${key} shown with two different counts`);
      shown.cells.set(key, n);
    }
  };
  decide();
  for (const step of h.steps) {
    if ('threshold' in step) k = step.threshold;
    if ('late' in step) {
      const id = ids[step.late % ids.length]!;
      counts.set(id, counts.get(id)! + 1);
    }
    decide();
  }
  if (ledger) shown.publication = published!;
  return { shown, teams, direct, ratings };
}

/** Each kind of figure (scores, alignment, partner ratings) from which a group below `k` is derivable in the union of everything shown. */
function leaksOf(h: History, { ledger = true, at = 'smallest' }: { ledger?: boolean; at?: 'smallest' | 'published' } = {}): string[] {
  const leaks: string[] = [];
  const { shown, teams, direct } = replay(h, ledger);
  // The smallest threshold in force when any of it was shown, or the one the cycle was first published at.
  const k = at === 'smallest' ? Math.min(...shown.thresholds) : shown.thresholds[0]!;
  const tree = buildTeamTree(teams);
  const ids = teams.map((t) => t.id);
  const aligned = new Map(ids.map((id, i) => [id, Math.min(direct.get(id)!, h.aligned[i]!)]));
  for (const [figure, atomsOf] of [
    ['scores', direct],
    ['alignment', aligned],
  ] as const) {
    const { counts, rowOf } = treeRows(tree, (id) => atomsOf.get(id) ?? 0);
    const rows = tree.ids
      .map((_, node) => node)
      .filter((node) => shown.cells.has(publishedKey(figure, tree.ids[node]!)))
      .map(rowOf);
    if (derivableSmallGroup(rows, counts, k)) leaks.push(figure);
  }
  // Partner figures: per provider, its customer teams' ratings are the atoms.
  const providers = new Set(h.partners.map((p) => ids[p.provider % ids.length]!));
  for (const provider of providers) {
    const customers = ids.filter((c) =>
      h.partners.some((p) => ids[p.provider % ids.length] === provider && ids[p.customer % ids.length] === c && c !== provider),
    );
    const counts = customers.map(
      (c) => [...h.partners].reverse().find((p) => ids[p.provider % ids.length] === provider && ids[p.customer % ids.length] === c)!.n,
    );
    const rows: number[][] = [];
    if (shown.cells.has(publishedKey('partner', provider))) rows.push(customers.map(() => 1));
    customers.forEach((c, j) => {
      if (shown.cells.has(publishedKey('partner_cell', `${provider}|${c}`))) rows.push(customers.map((_, x) => (x === j ? 1 : 0)));
    });
    if (derivableSmallGroup(rows, counts, k) && !leaks.includes('partner')) leaks.push('partner');
  }
  return leaks;
}

describe('the publication ledger', () => {
  it('keeps the union of everything a closed cycle ever showed safe at the smallest threshold in force, over threshold changes, rebuilds and late data', () => {
    fc.assert(
      fc.property(arbitraryHistory, (h) => {
        expect(leaksOf(h)).toEqual([]);
        // Stronger: safe even at the threshold the cycle was first published at.
        expect(leaksOf(h, { at: 'published' })).toEqual([]);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  }, 300_000);

  it('shows nothing after publication that the publication did not show, and holds it at no lower a threshold', () => {
    fc.assert(
      fc.property(arbitraryHistory, (h) => {
        const { shown } = replay(h);
        for (const [key, n] of shown.cells) expect(shown.publication.cells.get(key), key).toBe(n);
        // So the union is the publication itself, safe at the threshold it was published at.
        expect(shown.publication.threshold).toBe(shown.thresholds[0]);
      }),
      { numRuns: 200, seed: 4 },
    );
  }, 300_000);

  it('is what stops the leak: re-deciding without it lets groups below the published threshold be derived, for every kind of figure', () => {
    // Threshold changes and rebuilds only, so what leaks is a derivable group, not a changed count.
    const withoutLateData = arbitraryHistory.map((h) => ({ ...h, steps: h.steps.filter((s) => !('late' in s)) }));
    // Each kind of figure leaks on its own somewhere among these histories.
    const found = new Set<string>();
    fc.assert(
      fc.property(withoutLateData, (h) => {
        for (const figure of leaksOf(h, { ledger: false, at: 'published' })) found.add(figure);
      }),
      { numRuns: 600, seed: 20261204 },
    );
    expect([...found].sort()).toEqual(['alignment', 'partner', 'scores']);
  }, 300_000);

  it("the issue's case: a head of 1 over a sub-team of 4, k = 5 then 3 then 5", () => {
    const teams: TeamRef[] = [
      { id: 'dept', parentId: null },
      { id: 'sub', parentId: 'dept' },
    ];
    const byTeam = new Map([
      ['dept', { invited: 1, moments: momentsOfCount(1) }],
      ['sub', { invited: 4, moments: momentsOfCount(4) }],
    ]);
    const at5 = runInsights({ teams, cycles: [{ cycleId: 'c', teams, byTeam }], threshold: 5 }).publications[0]!;
    expect([...at5.cells.keys()].sort()).toEqual(['scores:@organisation', 'scores:dept']);
    // Re-decided at 3 without the ledger: the sub-team alone, and 5 · dept − 4 · sub is the head.
    const freshAt3 = runInsights({ teams, cycles: [{ cycleId: 'c', teams, byTeam }], threshold: 3 }).publications[0]!;
    expect(freshAt3.cells.has('scores:sub')).toBe(true);
    // With it: decided at 5 again, the same cells.
    const at3 = runInsights({ teams, cycles: [{ cycleId: 'c', teams, byTeam, published: at5 }], threshold: 3 });
    expect(at3.publications[0]).toEqual(at5);
    expect(at3.trends.get('sub')![0]).toMatchObject({ suppressed: true, message: 'fewer than 5 responses' });
  });
});
