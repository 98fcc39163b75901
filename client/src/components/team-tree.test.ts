import type { Team } from '@pulse/shared';
import { describe, expect, it } from 'vitest';
import { buildTree, flatten, subtreeIds } from './team-tree.js';

const team = (id: string, name: string, parentId: string | null): Team => ({
  id,
  name,
  parentId,
  leaderIds: [],
  memberCount: 0,
  archived: false,
});

describe('buildTree', () => {
  it('nests teams, builds paths, and treats a team whose parent is hidden as a root', () => {
    const tree = buildTree([team('a', 'Ops', 'hidden'), team('b', 'Payroll', 'a'), team('c', 'Deep', 'b'), team('d', 'Sales', null)]);
    expect(flatten(tree).map((n) => [n.path, n.depth])).toEqual([
      ['Ops', 0],
      ['Ops/Payroll', 1],
      ['Ops/Payroll/Deep', 2],
      ['Sales', 0],
    ]);
    expect([...subtreeIds(tree[0]!)]).toEqual(['a', 'b', 'c']);
  });
});
