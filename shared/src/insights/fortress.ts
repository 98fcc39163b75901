/**
 * The fortress index, 0–100: how far a team has moved along PRODUCT.md's "fortress of no"
 * pattern relative to its own baseline. Inputs are changes in points (0–100 scale) from
 * the baseline, negative = fell:
 *   fall        = max(0, −(Δrelatedness + Δopenness) / 2)      the retreat
 *   held        = min(fall, max(0, Δautonomy + fall))           autonomy holding while they fall
 *   index       = min(100, 2 · fall + 2 · held)
 * So a 25-point retreat (one scale point) scores 50 when autonomy fell just as far (a general
 * slump), and 100 when autonomy held or rose (independence, not autonomy). `held` is the
 * widening of the gap between autonomy and the retreating pair, counted only up to the
 * retreat itself, so rising autonomy alone never makes a fortress.
 * When the teams that rely on this one rate it (partner ratings), their view of its
 * responsiveness counts as half of openness: Δopenness' = (Δopenness + Δpartner) / 2. A team
 * that does not see itself retreating while its partners do still moves the index.
 */

export interface FortressChanges {
  relatedness: number;
  openness: number;
  autonomy: number;
  /** Change of the partner-rated responsiveness, when partner ratings exist. */
  partner?: number | undefined;
}

/** The fortress index from changes versus baseline, in points. */
export function fortressIndex(change: FortressChanges): number {
  const openness = change.partner === undefined ? change.openness : (change.openness + change.partner) / 2;
  const fall = Math.max(0, -(change.relatedness + openness) / 2);
  const held = Math.min(fall, Math.max(0, change.autonomy + fall));
  return Math.min(100, 2 * fall + 2 * held);
}
