/**
 * Partner ratings: how the teams that rely on a team (its internal customers) rate its
 * responsiveness, the "seen from outside" signal of PRODUCT.md's fortress pattern.
 *
 * A rating is two 1–5 items about one provider team, scored like any item on 0–100 and
 * averaged. Ratings are stored with the rater's TEAM only, so that a provider's score can be
 * checked to come from at least two customer teams.
 *
 * Anonymity, per provider and cycle, with the same region rule as `anonymity.ts`: the provider
 * total is a roll-up whose atoms are its customer teams' cells (the provider × customer
 * matrix). A visible cell holds at least k ratings; the total is visible only with at least k
 * ratings from at least `MIN_RATER_TEAMS` teams; and when the total is visible, the hidden
 * cells together hold 0 or at least k ratings (otherwise total − visible cells would reveal
 * them), which is reached by hiding the smallest visible cell as well. The total comes first:
 * it is the provider's partner line and the alerts' evidence, while the matrix is a detail.
 */
import { regionCounts, validateThreshold, type SuppressionReason } from './anonymity.js';
import { scoreOfMoments } from './aggregate.js';
import { mergeMoments, emptyMoments, type Moments } from './stats.js';
import { buildTeamTree } from './tree.js';

/** A provider's score is shown only with ratings from at least this many customer teams. */
export const MIN_RATER_TEAMS = 2;

/** Why a partner figure is hidden: the usual reasons, or ratings from a single team. */
export type PartnerSuppressionReason = SuppressionReason | 'one_team';

/** Plain-language reason for a hidden partner figure. */
export function partnerSuppressionMessage(reason: PartnerSuppressionReason, k: number): string {
  switch (reason) {
    case 'no_responses':
      return 'no ratings';
    case 'below_threshold':
      return `fewer than ${k} ratings`;
    case 'one_team':
      return `ratings from fewer than ${MIN_RATER_TEAMS} teams`;
    case 'complementary':
      return `hidden so that fewer than ${k} ratings cannot be worked out by subtracting other figures`;
  }
}

/** One rating as 0–100: each item's answer on its scale, averaged over the items. */
export function partnerScore(answers: Readonly<Record<string, number>>, itemIds: readonly string[], scale = { min: 1, max: 5 }): number {
  let sum = 0;
  for (const id of itemIds) {
    const v = answers[id];
    if (v === undefined || !Number.isInteger(v) || v < scale.min || v > scale.max) {
      throw new RangeError(`Partner rating item ${id} has ${v}, not a whole number from ${scale.min} to ${scale.max}`);
    }
    sum += ((v - scale.min) / (scale.max - scale.min)) * 100;
  }
  return sum / itemIds.length;
}

/** Which partner figures of one provider may be shown. */
export interface RatingSuppression {
  /** null when the provider total is visible. */
  total: PartnerSuppressionReason | null;
  /** Per customer cell, in input order; null when visible. */
  cells: (PartnerSuppressionReason | null)[];
}

/** At most this many provider teams are asked about in one pulse. */
export const MAX_PARTNERS_PER_PULSE = 3;

/**
 * The providers one respondent is asked about: all of them when there are at most `max`,
 * otherwise a window of `max` over the list (in a fixed order) starting at (rank · max + salt)
 * mod P. Over a team's respondents (rank 0, 1, 2, …) the windows follow each other, so every
 * provider is asked about equally often (±1), and a per-cycle `salt` moves them month by month.
 */
export function partnersToAsk<T>(providers: readonly T[], rank: number, salt: number, max = MAX_PARTNERS_PER_PULSE): T[] {
  const P = providers.length;
  if (P <= max) return [...providers];
  const start = (((rank * max + salt) % P) + P) % P;
  return Array.from({ length: max }, (_, i) => providers[(start + i) % P]!);
}

/** Decides the provider total and its matrix cells from the rating count of each customer team. */
export function suppressRatingCells(counts: readonly number[], threshold: number, minTeams = MIN_RATER_TEAMS): RatingSuppression {
  const k = validateThreshold(threshold);
  const cells = counts.map((c): PartnerSuppressionReason | null => (c === 0 ? 'no_responses' : c < k ? 'below_threshold' : null));
  const total = counts.reduce((a, b) => a + b, 0);
  const teams = counts.filter((c) => c > 0).length;
  const totalReason: PartnerSuppressionReason | null =
    total === 0 ? 'no_responses' : total < k ? 'below_threshold' : teams < minTeams ? 'one_team' : null;
  if (totalReason === null) {
    const hidden = counts.reduce((sum, c, i) => sum + (cells[i] ? c : 0), 0);
    if (hidden > 0 && hidden < k) {
      // total − visible cells would give the hidden ones: hide the smallest visible cell too.
      let smallest = -1;
      counts.forEach((c, i) => {
        if (!cells[i] && (smallest < 0 || c < counts[smallest]!)) smallest = i;
      });
      cells[smallest] = 'complementary';
    }
  }
  return { total: totalReason, cells };
}

/** The region check of `anonymity.ts` on one provider's decision: every region 0 or ≥ k. */
export function ratingRegionsSafe(counts: readonly number[], s: RatingSuppression, k: number): boolean {
  const tree = buildTeamTree([{ id: 'provider', parentId: null }, ...counts.map((_, i) => ({ id: `c${i}`, parentId: 'provider' }))]);
  const direct = tree.ids.map((id) => (id.startsWith('c') ? counts[Number(id.slice(1))]! : 0));
  // The organisation root is the provider total again; it is never published on its own.
  const visible = tree.ids.map((id) =>
    id === 'provider' ? s.total === null : id.startsWith('c') ? s.cells[Number(id.slice(1))] === null : false,
  );
  return regionCounts(tree, direct, visible).every((r) => r === null || r === 0 || r >= k);
}

/** One customer team's ratings of one provider in one cycle. */
export interface PartnerCellInput {
  providerId: string;
  raterTeamId: string;
  moments: Moments;
}

/** A matrix cell: what one customer team's ratings show, or why nothing is shown. */
export interface PartnerCell {
  raterTeamId: string;
  n: number;
  reason: PartnerSuppressionReason | null;
  /** Read through `visiblePartnerMoments`-style accessors only; kept for the visible ones. */
  moments: Moments | null;
}

/** One provider's partner figures in one cycle. */
export interface PartnerProvider {
  providerId: string;
  n: number;
  raterTeams: number;
  reason: PartnerSuppressionReason | null;
  /** null when hidden, so nothing downstream can quote a hidden total. */
  moments: Moments | null;
  /** Sorted by rater team id. */
  cells: PartnerCell[];
}

export interface PartnerAggregate {
  cycleId: string;
  threshold: number;
  providers: ReadonlyMap<string, PartnerProvider>;
}

/** Aggregates one cycle's partner cells per provider and decides visibility once. */
export function aggregatePartners(cycleId: string, inputs: readonly PartnerCellInput[], threshold: number): PartnerAggregate {
  const k = validateThreshold(threshold);
  const byProvider = new Map<string, Map<string, Moments>>();
  for (const input of inputs) {
    let cells = byProvider.get(input.providerId);
    if (!cells) byProvider.set(input.providerId, (cells = new Map()));
    cells.set(input.raterTeamId, mergeMoments(cells.get(input.raterTeamId) ?? emptyMoments, input.moments));
  }
  const providers = new Map<string, PartnerProvider>();
  for (const [providerId, cells] of [...byProvider].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const list = [...cells].filter(([, m]) => m.n > 0).sort(([a], [b]) => (a < b ? -1 : 1));
    const s = suppressRatingCells(
      list.map(([, m]) => m.n),
      k,
    );
    const total = list.reduce((acc, [, m]) => mergeMoments(acc, m), emptyMoments as Moments);
    providers.set(providerId, {
      providerId,
      n: total.n,
      raterTeams: list.length,
      reason: s.total,
      moments: s.total === null ? total : null,
      cells: list.map(([raterTeamId, m], i) => ({ raterTeamId, n: m.n, reason: s.cells[i]!, moments: s.cells[i] === null ? m : null })),
    });
  }
  return { cycleId, threshold: k, providers };
}

/** A provider's visible partner score as a trends point shows it (zPartnerScore, shared/src/api/partners.ts). */
export interface PartnerSummary {
  mean: number;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  raterTeams: number;
}

/** The partner line's point for a provider, or null when its total is hidden. */
export function partnerSummary(p: PartnerProvider | undefined): PartnerSummary | null {
  if (!p?.moments) return null;
  const { mean, ciLow, ciHigh, n } = scoreOfMoments(p.moments);
  return { mean, ciLow, ciHigh, n, raterTeams: p.raterTeams };
}
