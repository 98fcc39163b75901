import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellVisibility,
  hideWeight,
  regionCounts,
  suppressCells,
  validateThreshold,
  visibleComments,
  type Suppression,
} from './anonymity.js';
import { arbitraryCase, derivableSmallGroup, treeRows } from './testing/derivable.js';
import { buildTeamTree, ORGANISATION_ID, type TeamRef } from './tree.js';

const visibleIds = (s: Suppression) => s.tree.ids.filter((_, i) => s.visible[i]).sort();

describe('threshold', () => {
  it('accepts 3..10 and rejects anything else with a clear message', () => {
    expect(validateThreshold(3)).toBe(3);
    expect(validateThreshold(10)).toBe(10);
    for (const bad of [2, 11, 4.5, Number.NaN]) {
      expect(() => validateThreshold(bad)).toThrow(/whole number from 3 to 10/);
    }
    expect(() => suppressCells([], new Map(), 2)).toThrow(RangeError);
  });
});

describe('primary suppression', () => {
  it('hides small and empty cells with a reason and shows counts only', () => {
    const teams: TeamRef[] = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: null },
      { id: 'c', parentId: null },
    ];
    const s = suppressCells(
      teams,
      new Map([
        ['a', 6],
        ['b', 0],
        ['c', 5],
      ]),
    );
    expect(cellVisibility(s, 'a')).toEqual({ teamId: 'a', n: 6, visible: true });
    expect(cellVisibility(s, 'b')).toMatchObject({ visible: false, reason: 'no_responses', message: 'no responses' });
    expect(cellVisibility(s, ORGANISATION_ID)).toMatchObject({ visible: true, n: 11 });
    const small = suppressCells(teams, new Map([['a', 4]]));
    expect(cellVisibility(small, 'a')).toMatchObject({ visible: false, reason: 'below_threshold', message: 'fewer than 5 responses' });
  });
});

/** A division D with a team E, beside a department Q: room for P to hang under D. */
const deeper: TeamRef[] = [
  { id: 'D', parentId: null },
  { id: 'E', parentId: 'D' },
  { id: 'Q', parentId: null },
];

describe('complementary suppression, hand-made cases', () => {
  it('parent with a small child: the parent minus the big child must not reveal the small one', () => {
    // P has no members of its own; A has 6 respondents, B has 3. Showing P (9) and A (6) would
    // give B's 3 by subtraction. Either A goes (a team: weight 2) or P and the organisation
    // total, which equals P, go (two roll-ups, weight 1 each); the tie keeps the team's own view.
    const teams = [
      { id: 'P', parentId: null },
      { id: 'A', parentId: 'P' },
      { id: 'B', parentId: 'P' },
    ];
    const s = suppressCells(
      teams,
      new Map([
        ['A', 6],
        ['B', 3],
      ]),
    );
    expect(visibleIds(s)).toEqual(['A']);
    expect(cellVisibility(s, 'P')).toMatchObject({ visible: false, reason: 'complementary' });
    expect(cellVisibility(s, 'B')).toMatchObject({ visible: false, reason: 'below_threshold' });
    // Deeper: hiding P would push B's 3 into D, then into the organisation (three roll-ups),
    // so A goes instead and P shows A and B together.
    const deep = suppressCells(
      [...deeper, ...teams.map((t) => (t.id === 'P' ? { ...t, parentId: 'D' } : t))],
      new Map([
        ['A', 6],
        ['B', 3],
        ['E', 7],
        ['Q', 8],
      ]),
    );
    expect(visibleIds(deep)).toEqual([ORGANISATION_ID, 'D', 'E', 'P', 'Q']);
    expect(cellVisibility(deep, 'A').reason).toBe('complementary');
  });

  it('parent with its own few members: they are protected by hiding one child', () => {
    // P's own 2 members would be P − A − B. Hiding the roll-ups above them would take three
    // cells (P, D, organisation), so one child goes: B, the smaller.
    const teams = [...deeper, { id: 'P', parentId: 'D' }, { id: 'A', parentId: 'P' }, { id: 'B', parentId: 'P' }];
    const s = suppressCells(
      teams,
      new Map([
        ['P', 2],
        ['A', 7],
        ['B', 5],
        ['E', 7],
        ['Q', 8],
      ]),
    );
    expect(visibleIds(s)).toEqual([ORGANISATION_ID, 'A', 'D', 'E', 'P', 'Q']);
  });

  it('siblings: the organisation total minus two visible teams must not reveal the third', () => {
    const teams = ['x', 'y', 'z'].map((id) => ({ id, parentId: null }));
    const s = suppressCells(
      teams,
      new Map([
        ['x', 7],
        ['y', 6],
        ['z', 2],
      ]),
    );
    // One cell must go: the roll-up, so that every team keeps its own figures.
    expect(visibleIds(s)).toEqual(['x', 'y']);
    expect(cellVisibility(s, ORGANISATION_ID).reason).toBe('complementary');
    // With two small siblings (2 + 3 = 5) their merged region is already safe.
    const safe = suppressCells(
      teams,
      new Map([
        ['x', 7],
        ['y', 3],
        ['z', 2],
      ]),
    );
    expect(visibleIds(safe)).toEqual([ORGANISATION_ID, 'x']);
  });

  it('hides nothing beyond empty cells when every team has 0 or at least k respondents', () => {
    const teams = [
      { id: 'P', parentId: null },
      { id: 'A', parentId: 'P' },
      { id: 'B', parentId: 'P' },
      { id: 'C', parentId: 'B' },
    ];
    const s = suppressCells(
      teams,
      new Map([
        ['P', 0],
        ['A', 5],
        ['B', 9],
        ['C', 0],
      ]),
    );
    expect(visibleIds(s)).toEqual([ORGANISATION_ID, 'A', 'B', 'P']);
    expect(cellVisibility(s, 'C').reason).toBe('no_responses');
  });

  it('shows comments only for a visible cell, from its whole subtree, in text order', () => {
    const teams = [...deeper, { id: 'P', parentId: 'D' }, { id: 'A', parentId: 'P' }, { id: 'B', parentId: 'P' }];
    const s = suppressCells(
      teams,
      new Map([
        ['A', 6],
        ['B', 3],
        ['E', 7],
        ['Q', 8],
      ]),
    );
    const comments = new Map([
      ['A', ['zebra crossing', 'more time please']],
      ['B', ['another note']],
      ['E', ['from E']],
    ]);
    // A and B are both hidden; P shows their comments together, unattributed.
    expect(visibleComments(s, 'P', comments)).toEqual(['another note', 'more time please', 'zebra crossing']);
    expect(visibleComments(s, 'D', comments)).toEqual(['another note', 'from E', 'more time please', 'zebra crossing']);
    expect(visibleComments(s, 'B', comments)).toBeNull();
    expect(visibleComments(s, 'A', comments)).toBeNull();
  });

  // Speed is measured by `npm run bench:insights`, never by a timed test.
  it('decides an organisation of 5,000 teams with every shown cell, and every difference between shown cells, at k or more', () => {
    const teams: TeamRef[] = [];
    const direct = new Map<string, number>();
    for (let d = 0; d < 50; d++) {
      teams.push({ id: `d${d}`, parentId: null });
      for (let g = 0; g < 10; g++) {
        teams.push({ id: `d${d}g${g}`, parentId: `d${d}` });
        for (let t = 0; t < 9; t++) {
          teams.push({ id: `d${d}g${g}t${t}`, parentId: `d${d}g${g}` });
          direct.set(`d${d}g${g}t${t}`, (d * 7 + g * 3 + t * 5) % 13);
        }
      }
    }
    const tree = buildTeamTree(teams);
    const s = suppressCells(tree, direct, 5);
    expect(teams.length).toBe(5050);
    const shown = tree.ids.filter((_, i) => s.visible[i]);
    expect(shown.length).toBeGreaterThan(100);
    for (const id of shown) expect(cellVisibility(s, id).n).toBeGreaterThanOrEqual(5);
    const regions = regionCounts(
      tree,
      tree.ids.map((id) => direct.get(id) ?? 0),
      s.visible,
    );
    for (const r of regions) if (r !== null) expect(r === 0 || r >= 5).toBe(true);
  });
});

describe('complementary suppression, properties', () => {
  it('no group of fewer than k is an exact linear combination of visible cells', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ teams, direct, k }) => {
        const s = suppressCells(teams, direct, k);
        const tree = s.tree;
        // Non-empty atoms: teams with direct respondents (the root has none of its own).
        const { atoms, counts, rowOf } = treeRows(tree, (id) => direct.get(id) ?? 0);
        const rows = tree.ids
          .map((_, node) => node)
          .filter((node) => s.visible[node])
          .map(rowOf);
        for (const [node, isVisible] of s.visible.entries()) {
          if (isVisible) expect(s.n[node]).toBeGreaterThanOrEqual(k);
        }
        const leak = derivableSmallGroup(rows, counts, k);
        if (leak) throw new Error(`atoms ${leak.map((j) => tree.ids[atoms[j]!]).join('+')} are derivable`);
      }),
      { numRuns: 400, seed: 20240501 },
    );
  });

  it('hides nothing but empty cells when every team has 0 or at least k respondents', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ teams, direct, k }) => {
        const big = new Map([...direct].map(([id, c]) => [id, c < k ? 0 : c]));
        const s = suppressCells(teams, big, k);
        s.reason.forEach((reason) => expect(reason === null || reason === 'no_responses').toBe(true));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('hides as little as possible (weighted cell count, checked against brute force on small trees)', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ teams, direct, k }) => {
        const tree = buildTeamTree(teams.slice(0, 10));
        const s = suppressCells(tree, direct, k);
        const atoms = tree.ids.map((id) => direct.get(id) ?? 0);
        const eligible = tree.ids.map((_, i) => i).filter((i) => s.n[i]! >= k);
        const weightOfHidden = (visible: readonly boolean[]) =>
          eligible.reduce((sum, node) => sum + (visible[node] ? 0 : hideWeight(tree, node)), 0);
        let best = Infinity;
        for (let mask = 0; mask < 1 << eligible.length; mask++) {
          const visible = tree.ids.map(() => false);
          eligible.forEach((node, j) => (visible[node] = ((mask >> j) & 1) === 1));
          const ok = regionCounts(tree, atoms, visible).every((r) => r === null || r === 0 || r >= k);
          if (ok) best = Math.min(best, weightOfHidden(visible));
        }
        expect(weightOfHidden(s.visible)).toBe(best);
      }),
      { numRuns: 300, seed: 99 },
    );
  });
});
