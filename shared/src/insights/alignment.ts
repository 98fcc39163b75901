/**
 * Values alignment: a team that has recorded shared values ("X even at the cost of Y") answers
 * one more item, whether this month's choices matched them. Its 0–100 score is a construct like
 * the others: rolled up the tree, shown with its interval.
 *
 * Only members of teams with values answer it, so its respondents are a subset of a cell's:
 * a parent's alignment minus its children's could single out a small group the main decision
 * never saw. It therefore gets its own decision from the same `suppressCells` over its own
 * counts, and is shown only where the main cell is visible too (a subset of a safe visible set
 * is safe). Each quantity is protected on its own: no combination of alignment figures reveals
 * a group of fewer than k alignment answers.
 */
import { suppressCells, type Suppression } from './anonymity.js';
import { emptyMoments, mergeMoments, type Moments } from './stats.js';
import { rollUp, type TeamTree } from './tree.js';
import { scoreOfMoments, type ScoreSummary } from './aggregate.js';

/** The item a team with values answers; 1–5 agreement. */
export const ALIGNMENT_ITEM_ID = 'val_aligned';

export interface AlignmentAggregate {
  cycleId: string;
  suppression: Suppression;
  /** Subtree moments per node index. */
  moments: readonly Moments[];
}

/** Rolls each team's alignment answers up the tree and decides their visibility once. */
export function aggregateAlignment(
  cycleId: string,
  tree: TeamTree,
  direct: ReadonlyMap<string, Moments>,
  threshold: number,
): AlignmentAggregate {
  const own = tree.ids.map((id) => direct.get(id) ?? emptyMoments);
  const moments = rollUp(tree, (node) => own[node]!, mergeMoments);
  const suppression = suppressCells(
    tree,
    own.map((m) => m.n),
    threshold,
  );
  return { cycleId, suppression, moments };
}

/** A cell's alignment score, or null when either its own or the main decision hides it. */
export function visibleAlignment(agg: AlignmentAggregate, node: number, mainVisible: boolean): ScoreSummary | null {
  if (!mainVisible || !agg.suppression.visible[node]) return null;
  return scoreOfMoments(agg.moments[node]!);
}
