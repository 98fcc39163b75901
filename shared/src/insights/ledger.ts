/**
 * The publication ledger: what of a closed cycle has ever been shown (screen, API, export,
 * mail), so that no later decision for that cycle can show anything else.
 *
 * Each suppression decision is safe on its own, but two decisions over the same cycle (before
 * and after a threshold change, a rebuild at start-up, late data, a repaired hierarchy) can
 * together single out a group neither shows alone: at k = 5 a department of 5 is shown and its
 * sub-team of 4 hidden; at k = 3 the reverse; 5 × one − 4 × the other is the head's answers.
 *
 * So a cycle's first stored decision is its publication: the threshold it was made at and every
 * cell it showed, with its n. Every later decision for that cycle is made at
 * max(threshold in force, published threshold) and then restricted to the published cells with
 * the same n. A subset of a safe visible set is safe (its span is a subspace of the set's), and
 * it is also a subset of the new decision, so it is safe at the new threshold as well. The union
 * of everything ever shown for the cycle is therefore its first publication, safe at the
 * threshold it was published at, whatever happens later. Lowering the threshold thus applies to
 * cycles published after the change; raising it hides more in every cycle.
 */
import type { Suppression } from './anonymity.js';
import type { PartnerAggregate } from './partner.js';

/** The figures with a suppression decision of their own. */
export type PublishedFigure = 'scores' | 'alignment' | 'partner' | 'partner_cell';

/** One closed cycle's first publication. */
export interface Publication {
  /** The threshold the cycle was first published at: no later decision uses a lower one. */
  threshold: number;
  /** Every cell shown, by `publishedKey`, with its number of respondents (or ratings). */
  cells: ReadonlyMap<string, number>;
}

/**
 * The ledger key of a cell: a team (or ORGANISATION_ID) for scores and alignment, a provider
 * for a partner total, `provider|customer` for a partner matrix cell.
 */
export const publishedKey = (figure: PublishedFigure, cell: string): string => `${figure}:${cell}`;

/** The threshold a cycle's decisions are made at: never below the one it was published at. */
export const thresholdFor = (inForce: number, published: Publication | undefined): number =>
  published ? Math.max(inForce, published.threshold) : inForce;

/** Whether a cell may be shown: always before publication, afterwards only if it was published with the same n. */
export function mayShow(published: Publication | undefined, figure: PublishedFigure, cell: string, n: number): boolean {
  return !published || published.cells.get(publishedKey(figure, cell)) === n;
}

/** A team-tree decision restricted to the published cells; cells it newly hides are complementary. */
export function restrictSuppression(s: Suppression, published: Publication | undefined, figure: PublishedFigure): Suppression {
  if (!published) return s;
  const visible = s.visible.map((v, i) => v && mayShow(published, figure, s.tree.ids[i]!, s.n[i]!));
  const reason = s.reason.map((r, i) => (s.visible[i] && !visible[i] ? 'complementary' : r));
  return { ...s, visible, reason };
}

/** A cycle's partner decisions restricted to the published totals and matrix cells. */
export function restrictPartners(agg: PartnerAggregate, published: Publication | undefined): PartnerAggregate {
  if (!published) return agg;
  const providers = new Map(
    [...agg.providers].map(([id, p]) => {
      const total = p.moments !== null && mayShow(published, 'partner', id, p.n);
      const cells = p.cells.map((c) =>
        c.moments !== null && !mayShow(published, 'partner_cell', `${id}|${c.raterTeamId}`, c.n)
          ? { ...c, reason: 'complementary' as const, moments: null }
          : c,
      );
      return [
        id,
        total || p.moments === null ? { ...p, cells } : { ...p, reason: 'complementary' as const, moments: null, cells },
      ] as const;
    }),
  );
  return { ...agg, providers };
}

/** Adds a decision's visible cells to `into`. */
export function addVisible(
  into: Map<string, number>,
  s: Suppression,
  figure: PublishedFigure,
  alsoVisible: (node: number) => boolean = () => true,
): void {
  s.visible.forEach((v, i) => {
    if (v && alsoVisible(i)) into.set(publishedKey(figure, s.tree.ids[i]!), s.n[i]!);
  });
}

/** Adds a cycle's visible partner totals and matrix cells to `into`. */
export function addVisiblePartners(into: Map<string, number>, agg: PartnerAggregate | undefined): void {
  for (const p of agg?.providers.values() ?? []) {
    if (p.moments) into.set(publishedKey('partner', p.providerId), p.n);
    for (const c of p.cells) if (c.moments) into.set(publishedKey('partner_cell', `${p.providerId}|${c.raterTeamId}`), c.n);
  }
}

/** The cells of `next` that `published` does not hold (with the same n): empty when the ledger is kept. */
export function unpublished(published: Publication, next: Publication): string[] {
  return [...next.cells].filter(([key, n]) => published.cells.get(key) !== n).map(([key]) => key);
}
