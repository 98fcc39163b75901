/** The team hierarchy under a virtual organisation root, indexed for fast bottom-up passes. */

/** Id of the virtual organisation root that every top-level team hangs under. */
export const ORGANISATION_ID = '@organisation';

export interface TeamRef {
  id: string;
  parentId: string | null;
}

export interface TeamTree {
  /** Node index → team id; index 0 is the organisation root. */
  ids: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  /** Parent index per node; −1 for the root. */
  parent: readonly number[];
  /** Children per node, sorted by id so every result is independent of input order. */
  children: readonly (readonly number[])[];
  /** Every node after all of its descendants (children before parents); the root is last. */
  postOrder: readonly number[];
}

/** Builds the tree; throws on duplicate ids, unknown parents and cycles. */
export function buildTeamTree(teams: readonly TeamRef[]): TeamTree {
  const ids = [ORGANISATION_ID];
  const indexOf = new Map<string, number>([[ORGANISATION_ID, 0]]);
  for (const t of teams) {
    if (indexOf.has(t.id)) throw new Error(`Duplicate team id ${t.id}`);
    indexOf.set(t.id, ids.length);
    ids.push(t.id);
  }
  const parent = ids.map(() => -1);
  const children: number[][] = ids.map(() => []);
  for (const t of teams) {
    const p = t.parentId === null ? 0 : indexOf.get(t.parentId);
    if (p === undefined) throw new Error(`Team ${t.id} has unknown parent ${t.parentId}`);
    const i = indexOf.get(t.id)!;
    parent[i] = p;
    children[p]!.push(i);
  }
  for (const list of children) list.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  // Iterative DFS: deep hierarchies must not overflow the call stack.
  const postOrder: number[] = [];
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const kids = children[top[0]]!;
    if (top[1] < kids.length) stack.push([kids[top[1]++]!, 0]);
    else postOrder.push(stack.pop()![0]);
  }
  if (postOrder.length !== ids.length) throw new Error('The team hierarchy contains a cycle');
  return { ids, indexOf, parent, children, postOrder };
}

/** Subtree totals: each node's value merged with all of its descendants' (children first). */
export function rollUp<T>(tree: TeamTree, direct: (node: number) => T, merge: (into: T, child: T) => T): T[] {
  const out: T[] = new Array<T>(tree.ids.length);
  for (const node of tree.postOrder) {
    let acc = direct(node);
    for (const child of tree.children[node]!) acc = merge(acc, out[child]!);
    out[node] = acc;
  }
  return out;
}

/** Each team's subtree response set: its own responses and those of every team beneath it. */
export function subtreeResponses<R>(tree: TeamTree, byTeam: ReadonlyMap<string, readonly R[]>): Map<string, R[]> {
  const sets = rollUp<R[]>(
    tree,
    (node) => [...(byTeam.get(tree.ids[node]!) ?? [])],
    (into, child) => {
      for (const r of child) into.push(r);
      return into;
    },
  );
  return new Map(sets.map((set, node) => [tree.ids[node]!, set]));
}

/** Ids of a team and every team beneath it (the organisation id gives everything). */
export function subtreeIds(tree: TeamTree, teamId: string): string[] {
  const start = tree.indexOf.get(teamId);
  if (start === undefined) throw new Error(`Unknown team ${teamId}`);
  const out: string[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(tree.ids[node]!);
    for (const c of tree.children[node]!) stack.push(c);
  }
  return out;
}
