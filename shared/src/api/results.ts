import { z } from 'zod';
import { actionStatuses } from './actions.js';

/** A construct's figure as a member sees it: the mean and its 95% interval (0–100). */
export const zResultFigure = z.object({ mean: z.number(), ciLow: z.number().nullable(), ciHigh: z.number().nullable() });
export type ResultFigure = z.infer<typeof zResultFigure>;

export const resultConstructs = ['autonomy', 'competence', 'relatedness', 'openness'] as const;

/**
 * GET /api/v1/pulse/:token/results: the team's published results for the link's cycle. The
 * same for a link that answered and one that did not; only what the stored, visible cells allow.
 */
export const zPulseResults = z.object({
  cycle: z.object({ id: z.string(), label: z.string(), closesAt: z.string(), closed: z.boolean() }),
  team: z.object({ name: z.string() }),
  /** The cycle closed and its figures were stored; false while it is open or being closed. */
  published: z.boolean(),
  /** Why there are no scores, in plain words: not published yet, or the team's group is hidden. */
  reason: z.string().optional(),
  /** Only for a visible team: each construct, with the team's previous cycle and the organisation where those are visible. */
  scores: z
    .array(
      z.object({
        construct: z.enum(resultConstructs),
        team: zResultFigure,
        previous: zResultFigure.nullable(),
        organisation: zResultFigure.nullable(),
      }),
    )
    .optional(),
  /** Invitations and answers as the publication ledger stored them (every view shows the same); null before publication. */
  participation: z.object({ invited: z.number().int(), responded: z.number().int() }).nullable(),
  /** The actions the team committed to, with their state (none before publication). */
  actions: z.array(z.object({ title: z.string(), status: z.enum(actionStatuses), dueAt: z.string().nullable() })),
  /** The leader's note to the team for this cycle, if one was written. */
  note: z.object({ body: z.string(), at: z.string() }).optional(),
});
export type PulseResults = z.infer<typeof zPulseResults>;
