import { z } from 'zod';
import { zConstruct } from '../questionnaire.js';
import { zTeamRef } from './insights.js';

/**
 * The instrument's own statistics (issue 19): how reliable each scale is, and how much each need
 * goes with people recommending their team (eNPS). Both are computed over large groups only:
 * the organisation, and subtrees of at least MIN_SUBTREE_RESPONDENTS, of closed cycles whose
 * cell is shown (docs/insights.md, "The instrument").
 */

export { MIN_ORGANISATION_RESPONDENTS, MIN_SUBTREE_RESPONDENTS, RELIABILITY_WARNING_BELOW } from '../instrument/limits.js';

/**
 * Why figures are missing: `no_cycle` no pulse has closed; `hidden` the group's cell is not shown
 * for that pulse; `too_few` fewer respondents than the minimum; `no_enps` nobody answered the eNPS
 * item (or too few did); `not_computable` the answers did not vary enough to compute them.
 */
export const scalesReasonCodes = ['no_cycle', 'hidden', 'too_few', 'no_enps', 'not_computable'] as const;
const zReasonCode = z.enum(scalesReasonCodes);
export type ScalesReasonCode = z.infer<typeof zReasonCode>;

const zInterval = z.tuple([z.number(), z.number()]);
const zCycleRef = z.object({ id: z.uuid(), label: z.string() });

export const zReliabilityQuery = z.object({ cycleId: z.uuid().optional() });

export const zConstructReliability = z.object({
  construct: zConstruct,
  /** Respondents who answered every item of the construct. */
  n: z.number().int(),
  /** Cronbach's α (raw, from covariances). */
  alpha: z.number(),
  /** Feldt's 95% interval for α. */
  alphaCi: zInterval,
  /** McDonald's ω total from a one-factor model (minimum-residual fit on the correlations). */
  omega: z.number(),
  /** Percentile bootstrap 95% interval for ω (1,000 seeded resamples); null when it cannot be formed. */
  omegaCi: zInterval.nullable(),
  /** Each item's corrected item–total correlation (with the sum of the construct's other items). */
  items: z.array(z.object({ id: z.string(), text: z.string(), reverse: z.boolean(), itemTotal: z.number() })),
});
export type ConstructReliability = z.infer<typeof zConstructReliability>;

export const zReliabilityResponse = z.object({
  cycle: zCycleRef.nullable(),
  /** Closed cycles with figures, newest first. */
  cycles: z.array(zCycleRef),
  /** The organisation's figures; empty with `reason` when they cannot be shown. */
  constructs: z.array(zConstructReliability),
  /** Respondents in the organisation's cell. */
  n: z.number().int(),
  reason: z.string().optional(),
  reasonCode: zReasonCode.optional(),
  /** Subtrees of at least MIN_SUBTREE_RESPONDENTS whose cell is shown. */
  subtrees: z.array(z.object({ team: zTeamRef, n: z.number().int(), constructs: z.array(zConstructReliability) })),
});
export type ReliabilityResponse = z.infer<typeof zReliabilityResponse>;

export const zDriversQuery = z.object({ cycleId: z.uuid().optional(), teamId: z.uuid().optional() });

export const zDriversResponse = z.object({
  cycle: zCycleRef.nullable(),
  /** The subtree's team, or null for the organisation. */
  teamId: z.uuid().nullable(),
  outcome: z.literal('enps'),
  /** Respondents with an eNPS answer and every construct answered. */
  n: z.number().int(),
  /** Share of the eNPS answers' variance the four needs explain together; null without weights. */
  rSquared: z.number().nullable(),
  /** Johnson's relative weights (summing to rSquared), with percentile bootstrap 95% intervals; empty with `reason`. */
  weights: z.array(
    z.object({
      construct: zConstruct,
      weight: z.number(),
      /** The weight as a share of rSquared (the four add up to 1). */
      share: z.number(),
      ci: zInterval.nullable(),
    }),
  ),
  /** The fewest respondents this group needs for weights. */
  minimum: z.number().int(),
  reason: z.string().optional(),
  reasonCode: zReasonCode.optional(),
});
export type DriversResponse = z.infer<typeof zDriversResponse>;
