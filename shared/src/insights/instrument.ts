/**
 * Figures of the items outside the constructs (issue 19): eNPS and HR's own questions.
 *
 * They ride on the cell's one suppression decision: a figure is shown in a visible cell only
 * when every respondent of the cell answered the item (its n equals the cell's n), and never in
 * a hidden one. Such a figure is a sum over the same respondents as the cell's scores, so any
 * combination of shown figures covers a group the scores' decision already allows (a union of
 * regions of 0 or at least k respondents); an item asked of only some teams, or answered by
 * fewer people, is simply not shown where that would single out a smaller group.
 */
import { emptyMoments, mergeMoments, summarizeMoments, type Moments } from './stats.js';
import { rollUp, type TeamTree } from './tree.js';

/** The two-sided 95% standard normal quantile. */
const Z95 = 1.959963984540054;

/** eNPS answers of a group: how many answered, how many scored 9–10 and how many 0–6. */
export interface EnpsCounts {
  n: number;
  promoters: number;
  detractors: number;
}

/** What an eNPS cell shows: the score −100…100 with its 95% interval, and the two shares in %. */
export interface EnpsScore {
  n: number;
  score: number;
  ciLow: number;
  ciHigh: number;
  promoters: number;
  detractors: number;
}

/** Counts of a list of 0–10 answers. */
export function enpsCounts(answers: readonly number[]): EnpsCounts {
  return {
    n: answers.length,
    promoters: answers.filter((a) => a >= 9).length,
    detractors: answers.filter((a) => a <= 6).length,
  };
}

/**
 * eNPS = % promoters − % detractors, with a 95% Wald interval from the delta method on the
 * trinomial: Var(p̂ − d̂) = [p + d − (p − d)²] / n, so the interval is
 * 100 · (p − d ± 1.96 · √Var), clipped to −100…100. Null without answers.
 */
export function enpsScore(c: EnpsCounts): EnpsScore | null {
  if (c.n === 0) return null;
  const p = c.promoters / c.n;
  const d = c.detractors / c.n;
  const half = Z95 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / c.n);
  const clip = (v: number) => Math.min(100, Math.max(-100, v * 100));
  return { n: c.n, score: (p - d) * 100, ciLow: clip(p - d - half), ciHigh: clip(p - d + half), promoters: p * 100, detractors: d * 100 };
}

/** What a custom item's cell shows, on the item's own scale: mean, 95% t interval, n. */
export interface ItemScore {
  id: string;
  /** The wording the cycle asked. */
  text: string;
  /** The item's scale ends: 1–5 agreement or 0–10. */
  min: number;
  max: number;
  n: number;
  mean: number;
  sd: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** A custom item's summary, the interval clipped to its scale. */
export function itemScore(id: string, m: Moments, meta: ItemMeta): ItemScore | null {
  const s = summarizeMoments(m);
  if (s.mean === null) return null;
  const clip = (v: number | null) => (v === null ? null : Math.min(meta.max, Math.max(meta.min, v)));
  return {
    id,
    text: meta.text,
    min: meta.min,
    max: meta.max,
    n: s.n,
    mean: s.mean,
    sd: s.sd,
    ciLow: clip(s.ciLow),
    ciHigh: clip(s.ciHigh),
  };
}

/** A custom item as a cycle asked it. */
export interface ItemMeta {
  text: string;
  min: number;
  max: number;
}

/** One team's own answers to the extra items this cycle. */
export interface TeamItems {
  enps?: EnpsCounts;
  /** By custom item id, the moments of its raw answers. */
  custom?: Readonly<Record<string, Moments>>;
}

/** A cycle's extra-item input: each team's own answers, and each custom item as the cycle asked it. */
export interface ItemsInput {
  byTeam: ReadonlyMap<string, TeamItems>;
  custom: ReadonlyMap<string, ItemMeta>;
}

const addCounts = (a: EnpsCounts | undefined, b: EnpsCounts | undefined): EnpsCounts | undefined =>
  !a ? b && { ...b } : !b ? a : { n: a.n + b.n, promoters: a.promoters + b.promoters, detractors: a.detractors + b.detractors };

function mergeItems(a: TeamItems, b: TeamItems): TeamItems {
  const custom: Record<string, Moments> = { ...a.custom };
  for (const [id, m] of Object.entries(b.custom ?? {})) custom[id] = mergeMoments(custom[id] ?? emptyMoments, m);
  const enps = addCounts(a.enps, b.enps);
  return { ...(enps ? { enps } : {}), custom };
}

/** Each node's subtree answers to the extra items. */
export function rollUpItems(tree: TeamTree, input: ItemsInput): TeamItems[] {
  return rollUp(tree, (node) => input.byTeam.get(tree.ids[node]!) ?? {}, mergeItems);
}

/**
 * The extra-item figures a cell shows: none when the cell is hidden; otherwise eNPS and each
 * custom item only when all `n` respondents of the cell answered it.
 */
export function cellItems(
  subtree: TeamItems,
  n: number,
  visible: boolean,
  custom: ItemsInput['custom'],
): { enps?: EnpsScore; customItems?: ItemScore[] } {
  if (!visible || n === 0) return {};
  const out: { enps?: EnpsScore; customItems?: ItemScore[] } = {};
  if (subtree.enps?.n === n) out.enps = enpsScore(subtree.enps)!;
  const items = Object.entries(subtree.custom ?? {})
    .filter(([id, m]) => m.n === n && custom.has(id))
    .map(([id, m]) => itemScore(id, m, custom.get(id)!)!)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (items.length) out.customItems = items;
  return out;
}
