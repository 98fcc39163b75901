import type { Team } from '@pulse/shared';

export interface TeamNode {
  team: Team;
  children: TeamNode[];
  /** `Parent/Child` from the top of what the viewer can see. */
  path: string;
  depth: number;
}

/**
 * The forest of `teams`: a team whose parent is not in the list (a leader's top team) is a root.
 * Order follows the input (the server sorts by name).
 */
export function buildTree(teams: readonly Team[]): TeamNode[] {
  const ids = new Set(teams.map((x) => x.id));
  const byParent = new Map<string | null, Team[]>();
  for (const team of teams) {
    const parent = team.parentId && ids.has(team.parentId) ? team.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), team]);
  }
  const grow = (parent: string | null, prefix: string, depth: number): TeamNode[] =>
    (byParent.get(parent) ?? []).map((team) => {
      const path = prefix ? `${prefix}/${team.name}` : team.name;
      return { team, path, depth, children: grow(team.id, path, depth + 1) };
    });
  return grow(null, '', 0);
}

/** Every node, depth first (for selects and path lookups). */
export function flatten(nodes: readonly TeamNode[]): TeamNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The ids of a node and everything beneath it. */
export function subtreeIds(node: TeamNode): Set<string> {
  return new Set(flatten([node]).map((n) => n.team.id));
}

/** Active members of a node's team and of every live team beneath it. */
export function subtreeMembers(node: TeamNode): number {
  return flatten([node]).reduce((sum, n) => sum + (n === node || !n.team.archived ? n.team.memberCount : 0), 0);
}
