import { describe, expect, it } from 'vitest';
import { buildTeamTree, ORGANISATION_ID, rollUp, subtreeIds, subtreeResponses } from './tree.js';

const teams = [
  { id: 'hr', parentId: null },
  { id: 'payroll', parentId: 'hr' },
  { id: 'recruiting', parentId: 'hr' },
  { id: 'legal', parentId: null },
];

describe('team tree', () => {
  it('puts children before parents and the organisation last', () => {
    const tree = buildTeamTree(teams);
    const order = tree.postOrder.map((i) => tree.ids[i]);
    expect(order.at(-1)).toBe(ORGANISATION_ID);
    expect(order.indexOf('payroll')).toBeLessThan(order.indexOf('hr'));
    expect(order.indexOf('recruiting')).toBeLessThan(order.indexOf('hr'));
  });

  it('rolls a parent up from every response in its subtree', () => {
    const tree = buildTeamTree(teams);
    const sets = subtreeResponses(
      tree,
      new Map([
        ['hr', [1]],
        ['payroll', [2, 3]],
        ['recruiting', [4]],
        ['legal', [5]],
      ]),
    );
    expect(sets.get('hr')?.sort()).toEqual([1, 2, 3, 4]);
    expect(sets.get('payroll')).toEqual([2, 3]);
    expect(sets.get(ORGANISATION_ID)?.sort()).toEqual([1, 2, 3, 4, 5]);
    const counts = rollUp<number>(
      tree,
      (n) => (tree.ids[n] === 'recruiting' ? 7 : 1),
      (a, b) => a + b,
    );
    expect(counts[tree.indexOf.get('hr')!]).toBe(9);
    expect(subtreeIds(tree, 'hr').sort()).toEqual(['hr', 'payroll', 'recruiting']);
  });

  it('rejects unknown parents, duplicates and cycles', () => {
    expect(() => buildTeamTree([{ id: 'a', parentId: 'zzz' }])).toThrow(/unknown parent/);
    expect(() =>
      buildTeamTree([
        { id: 'a', parentId: null },
        { id: 'a', parentId: null },
      ]),
    ).toThrow(/Duplicate/);
    expect(() =>
      buildTeamTree([
        { id: 'a', parentId: 'b' },
        { id: 'b', parentId: 'a' },
      ]),
    ).toThrow(/cycle/);
  });

  it('handles a hierarchy 20,000 levels deep without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => ({ id: `t${i}`, parentId: i === 0 ? null : `t${i - 1}` }));
    const tree = buildTeamTree(chain);
    expect(tree.postOrder[0]).toBe(tree.indexOf.get('t19999'));
  });
});
