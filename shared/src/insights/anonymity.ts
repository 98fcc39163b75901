/**
 * The one anonymity rule every read path uses (screen, API, export, alerts, comments).
 *
 * Model, per cycle: a team tree under a virtual organisation root; each team has a count of
 * DIRECT respondents (an "atom"); each node's cell is the aggregate of its whole subtree.
 *
 * Contract: suppression is computed ONCE per cycle for the whole organisation, never per
 * viewer. Every view (overview, trends, export, a leader's subset, comments, alerts) shows a
 * subset of the same visible set, so no combination of views can reveal more than the visible
 * set does on its own, and the visible set is safe against every linear combination:
 *
 * For the visible nodes V, region(p) = the atoms under p that are not under any visible proper
 * descendant of p. The regions are disjoint and each visible cell is the sum of its own and
 * its visible descendants' regions, a triangular (invertible) change of basis, so the span of
 * the visible cells equals the span of the regions' indicator vectors. The 0/1 vectors in that
 * span are therefore exactly the unions of regions. So: nothing smaller than k can be derived
 * by any linear combination if and only if every region has a count of 0 or at least k.
 * (docs/insights.md has the full argument.)
 *
 * suppressCells enforces that invariant hiding as little as possible: the fewest hidden cells,
 * a team's own cell counting double a roll-up's (it is its leader's only view; ties: hide higher
 * roll-ups first, then smaller cells), by exact dynamic programming over the tree in O(teams · k²).
 */
import { DEFAULT_ANONYMITY_THRESHOLD, MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD } from '../limits.js';
import { buildTeamTree, type TeamRef, type TeamTree } from './tree.js';

export const defaultThreshold = DEFAULT_ANONYMITY_THRESHOLD;
export const minThreshold = MIN_ANONYMITY_THRESHOLD;
export const maxThreshold = MAX_ANONYMITY_THRESHOLD;

export type SuppressionReason = 'no_responses' | 'below_threshold' | 'complementary';

export interface CellVisibility {
  teamId: string;
  /** Respondents in the subtree (counts are shown on every point, suppressed or not). */
  n: number;
  visible: boolean;
  reason?: SuppressionReason;
  /** Plain-language reason for a suppressed cell. */
  message?: string;
}

export interface Suppression {
  threshold: number;
  tree: TeamTree;
  /** Subtree respondent count per node index. */
  n: readonly number[];
  /** Visibility per node index. */
  visible: readonly boolean[];
  /** Why a node is hidden, per node index; null when visible. */
  reason: readonly (SuppressionReason | null)[];
}

/** Returns k when it is an integer from 3 to 10, otherwise throws a RangeError that says so. */
export function validateThreshold(k: number): number {
  if (!Number.isInteger(k) || k < minThreshold || k > maxThreshold) {
    throw new RangeError(`The anonymity threshold must be a whole number from ${minThreshold} to ${maxThreshold}; got ${k}`);
  }
  return k;
}

/** The plain-language reason shown instead of numbers. */
export function suppressionMessage(reason: SuppressionReason, k: number): string {
  switch (reason) {
    case 'no_responses':
      return 'no responses';
    case 'below_threshold':
      return `fewer than ${k} responses`;
    case 'complementary':
      return `hidden so that a group of fewer than ${k} people cannot be worked out by subtracting other figures`;
  }
}

// Cost of hiding an eligible cell, compared lexicographically through magnitudes: first the
// weighted count of hidden cells (HIDE_COST; a team without sub-teams weighs 2, a roll-up 1);
// then roll-ups before teams, higher levels first (LEVEL_COST per level of height); then the cell
// with fewer respondents. A roll-up whose sub-teams stay visible is mostly recoverable from them,
// while a team's own cell is the only view its leader and its alerts have. (Float rounding could
// only blur these tie-breaks, never the invariant: infeasible states are Infinity and region
// states are exact integers.)
const HIDE_COST = 1e12;
const LEVEL_COST = 1e7;

/** Weight of hiding a node in the count that is minimised: 2 for a team without sub-teams, 1 for a roll-up. */
export function hideWeight(tree: TeamTree, node: number): number {
  return tree.children[node]!.length === 0 ? 2 : 1;
}

function directArray(tree: TeamTree, direct: ReadonlyMap<string, number> | readonly number[]): number[] {
  const out = Array.isArray(direct)
    ? (direct as readonly number[]).slice()
    : tree.ids.map((id) => (direct as ReadonlyMap<string, number>).get(id) ?? 0);
  if (out.length !== tree.ids.length) throw new Error('One direct count per tree node is needed');
  for (const [i, c] of out.entries()) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`Respondent count for ${tree.ids[i]} must be a whole number ≥ 0`);
  }
  return out;
}

/**
 * The dynamic programme's tables per node index, null for an empty subtree. States 0..k count
 * the atoms a subtree leaves uncovered to its parent; state k means "k or more" (all that
 * matters is 0, 1..k−1, ≥k).
 */
interface Programme {
  /** cost[node][u]: cheapest valid subtree leaving u uncovered atoms (capped) to the parent. */
  cost: (Float64Array | null)[];
  /** how[node][u] = r·2 + visible: the node's own decision that produced out-state u. */
  how: (Int16Array | null)[];
  /** pick[node][j][s] = s_before·S + u_child for child j when the running region state is s. */
  pick: (Int16Array[] | null)[];
}

/**
 * Decides which cells of one cycle are visible. `direct` gives each team's own respondents
 * (by team id, or by node index of `tree`); the organisation root may have none.
 */
export function suppressCells(
  treeOrTeams: TeamTree | readonly TeamRef[],
  direct: ReadonlyMap<string, number> | readonly number[],
  threshold: number = defaultThreshold,
): Suppression {
  const k = validateThreshold(threshold);
  const tree = 'postOrder' in treeOrTeams ? treeOrTeams : buildTeamTree(treeOrTeams);
  const atoms = directArray(tree, direct);
  const size = tree.ids.length;

  const n = new Array<number>(size).fill(0);
  const height = new Array<number>(size).fill(0);
  const programme: Programme = {
    cost: new Array<Float64Array | null>(size).fill(null),
    how: new Array<Int16Array | null>(size).fill(null),
    pick: new Array<Int16Array[] | null>(size).fill(null),
  };

  for (const node of tree.postOrder) {
    const kids = tree.children[node]!;
    let total = atoms[node]!;
    for (const c of kids) {
      total += n[c]!;
      height[node] = Math.max(height[node]!, height[c]! + 1);
    }
    n[node] = total;
    if (total === 0) continue; // empty subtree: hidden ("no responses"), contributes nothing

    const { region, picks } = regionStates(atoms[node]!, kids, programme.cost, k);
    programme.pick[node] = picks;
    const { out, decision } = decide(region, total, k, hideWeight(tree, node), height[node]!);
    programme.cost[node] = out;
    programme.how[node] = decision;
  }

  const visible = visibleNodes(tree, programme, k);
  const reason = n.map((count, i): SuppressionReason | null =>
    visible[i] ? null : count === 0 ? 'no_responses' : count < k ? 'below_threshold' : 'complementary',
  );
  return { threshold: k, tree, n, visible, reason };
}

/**
 * The cheapest cost of each state of a node's region (its own atoms plus what each child leaves
 * uncovered), and for each child the choice that reached each state.
 */
function regionStates(
  ownAtoms: number,
  kids: readonly number[],
  cost: readonly (Float64Array | null)[],
  k: number,
): { region: Float64Array; picks: Int16Array[] } {
  const S = k + 1;
  let region: Float64Array = new Float64Array(S).fill(Infinity);
  region[Math.min(k, ownAtoms)] = 0;
  const picks: Int16Array[] = [];
  for (const c of kids) {
    const childCost = cost[c];
    const choice = new Int16Array(S).fill(-1);
    picks.push(choice);
    if (!childCost) {
      // Empty child: state unchanged.
      for (let s = 0; s < S; s++) if (region[s] !== Infinity) choice[s] = s * S;
      continue;
    }
    region = addChild(region, childCost, choice, k);
  }
  return { region, picks };
}

/** The region states after one more child: each state plus each child out-state, capped at k; `choice` records the cheapest pair per state. */
function addChild(region: Float64Array, childCost: Float64Array, choice: Int16Array, k: number): Float64Array {
  const S = k + 1;
  const next = new Float64Array(S).fill(Infinity);
  for (let s = 0; s < S; s++) {
    const base = region[s]!;
    if (base === Infinity) continue;
    for (let u = 0; u < S; u++) {
      const v = base + childCost[u]!;
      const t = Math.min(k, s + u);
      if (v < next[t]!) {
        next[t] = v;
        choice[t] = s * S + u;
      }
    }
  }
  return next;
}

/**
 * A node's own decision for each out-state, given its region states: below k respondents it is
 * hidden and its region flows up; otherwise it is visible with a region of 0 or at least k
 * (out-state 0), or hidden at a price (`weight`, `height`: hideWeight and the node's height).
 */
function decide(
  region: Float64Array,
  total: number,
  k: number,
  weight: number,
  height: number,
): { out: Float64Array; decision: Int16Array } {
  const S = k + 1;
  const out = new Float64Array(S).fill(Infinity);
  const decision = new Int16Array(S).fill(-1);
  if (total < k) {
    // Primary suppression: forced hidden, its atoms flow to the nearest visible ancestor.
    for (let r = 0; r < S; r++) {
      if (region[r]! < out[r]!) {
        out[r] = region[r]!;
        decision[r] = r * 2;
      }
    }
    return { out, decision };
  }
  // Visible: its region must hold 0 or at least k respondents.
  for (const r of [0, k]) {
    if (region[r]! < out[0]!) {
      out[0] = region[r]!;
      decision[0] = r * 2 + 1;
    }
  }
  // Hidden (complementary): pass the region up, at a price.
  for (let r = 1; r < S; r++) {
    const v = region[r]! + weight * HIDE_COST - LEVEL_COST * height + total;
    if (v < out[r]!) {
      out[r] = v;
      decision[r] = r * 2;
    }
  }
  return { out, decision };
}

/** Follows the decisions down from the root's cheapest out-state: which nodes are visible. */
function visibleNodes(tree: TeamTree, { cost, how, pick }: Programme, k: number): boolean[] {
  const S = k + 1;
  const visible = new Array<boolean>(tree.ids.length).fill(false);
  const rootCost = cost[0];
  if (!rootCost) return visible;
  let best = 0;
  for (let u = 1; u < S; u++) if (rootCost[u]! < rootCost[best]!) best = u;
  const stack: [number, number][] = [[0, best]];
  while (stack.length > 0) {
    const [node, u] = stack.pop()!;
    const d = how[node]![u]!;
    visible[node] = (d & 1) === 1;
    let s = d >> 1;
    const kids = tree.children[node]!;
    const picks = pick[node]!;
    for (let j = kids.length - 1; j >= 0; j--) {
      const code = picks[j]![s]!;
      const child = kids[j]!;
      if (cost[child]) stack.push([child, code % S]);
      s = Math.floor(code / S);
    }
  }
  return visible;
}

/** The visibility of one team's cell (or the organisation's, by ORGANISATION_ID). */
export function cellVisibility(s: Suppression, teamId: string): CellVisibility {
  const i = s.tree.indexOf.get(teamId);
  if (i === undefined) throw new Error(`Unknown team ${teamId}`);
  const reason = s.reason[i];
  if (!reason) return { teamId, n: s.n[i]!, visible: true };
  return { teamId, n: s.n[i]!, visible: false, reason, message: suppressionMessage(reason, s.threshold) };
}

/**
 * Respondents in each visible node's region (null for hidden nodes): the atoms under it that
 * are under no visible proper descendant. The invariant is that each is 0 or at least k.
 */
export function regionCounts(tree: TeamTree, direct: readonly number[], visible: readonly boolean[]): (number | null)[] {
  const uncovered = new Array<number>(tree.ids.length).fill(0);
  const out = new Array<number | null>(tree.ids.length).fill(null);
  for (const node of tree.postOrder) {
    let r = direct[node]!;
    for (const c of tree.children[node]!) r += uncovered[c]!;
    if (visible[node]) out[node] = r;
    else uncovered[node] = r;
  }
  return out;
}

/**
 * Comments for one cell: every comment from its whole subtree, in text order so the order
 * says nothing about which sub-team wrote what; null when the cell is not visible. Sets of
 * comments obey the same region argument as sums, so they are safe to show alongside.
 */
export function visibleComments(s: Suppression, teamId: string, commentsByTeam: ReadonlyMap<string, readonly string[]>): string[] | null {
  const start = s.tree.indexOf.get(teamId);
  if (start === undefined) throw new Error(`Unknown team ${teamId}`);
  if (!s.visible[start]) return null;
  const out: string[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const c of commentsByTeam.get(s.tree.ids[node]!) ?? []) out.push(c);
    for (const child of s.tree.children[node]!) stack.push(child);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
