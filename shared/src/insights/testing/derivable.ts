/**
 * For tests only: random team forests, and the exact check that no group smaller than k can be
 * derived from a set of published figures (rational elimination, `rational-span.ts`).
 */
import fc from 'fast-check';
import type { TeamRef, TeamTree } from '../tree.js';
import { inSpan, rowSpace } from './rational-span.js';

/** A random forest of up to 15 teams (team i under the root or an earlier team), direct counts 0–12, and k. */
export const arbitraryCase = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 15 }),
    counts: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 15, maxLength: 15 }),
    k: fc.integer({ min: 3, max: 10 }),
  })
  .map(({ parents, counts, k }) => {
    const teams: TeamRef[] = parents.map((p, i) => {
      const choice = p % (i + 1); // 0 = top level, otherwise team (choice − 1)
      return { id: `t${i}`, parentId: choice === 0 ? null : `t${choice - 1}` };
    });
    const direct = new Map(teams.map((t, i) => [t.id, counts[i]!]));
    return { teams, direct, k };
  });

/** Every set of non-empty atoms whose count is strictly between 0 and k. */
export function smallSubsets(counts: readonly number[], k: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, chosen: number[], total: number) => {
    if (total > 0) out.push(chosen.slice());
    for (let i = from; i < counts.length; i++) {
      if (total + counts[i]! < k) {
        chosen.push(i);
        walk(i + 1, chosen, total + counts[i]!);
        chosen.pop();
      }
    }
  };
  walk(0, [], 0);
  return out;
}

/**
 * A set of atoms holding fewer than k (but some) people that is an exact rational linear
 * combination of `rows` (each a published figure as its 0/1 vector over the atoms), or null.
 */
export function derivableSmallGroup(rows: readonly (readonly number[])[], atomCounts: readonly number[], k: number): number[] | null {
  const space = rowSpace(rows, atomCounts.length);
  return (
    smallSubsets(atomCounts, k).find((subset) =>
      inSpan(
        space,
        atomCounts.map((_, j) => (subset.includes(j) ? 1 : 0)),
      ),
    ) ?? null
  );
}

/** The atoms of a tree (nodes with direct respondents) and each node's 0/1 row over them. */
export function treeRows(
  tree: TeamTree,
  direct: (id: string) => number,
): { atoms: number[]; counts: number[]; rowOf(node: number): number[] } {
  const atoms = tree.ids.map((_, i) => i).filter((i) => direct(tree.ids[i]!) > 0);
  const under = (node: number, atom: number) => {
    for (let a = atom; a >= 0; a = tree.parent[a]!) if (a === node) return true;
    return false;
  };
  return {
    atoms,
    counts: atoms.map((i) => direct(tree.ids[i]!)),
    rowOf: (node) => atoms.map((atom) => (under(node, atom) ? 1 : 0)),
  };
}
