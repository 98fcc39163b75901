import { z } from 'zod';
import { zQuestionnaire, zScale } from '../questionnaire.js';
import { zPartnerItem } from './partners.js';
import { zPulseAction } from './actions.js';
import { PULSE_COMMENT_MAX_LENGTH } from '../limits.js';
import { zLanguage } from './language.js';
export { PULSE_COMMENT_MAX_LENGTH };

/** The longest optional comment a respondent may leave. */

/** The link's token is the credential: no session, no account. */
export const zPulseParams = z.object({ token: z.string() });

/** `?lang=` shows the pulse in another language than the member's own, for this answer only. */
export const zPulseQuery = z.object({ lang: zLanguage.optional() });

/** GET /api/v1/pulse/:token */
export const zPulse = z.object({
  cycle: z.object({ id: z.string(), label: z.string(), closesAt: z.string() }),
  team: z.object({ name: z.string() }),
  /** The language of every text below: `?lang=`, else the member's own, else `Accept-Language`, else the organisation's. */
  language: zLanguage,
  questionnaire: zQuestionnaire,
  /** Sent so the page needs no copy of the limit. */
  commentMaxLength: z.number().int(),
  /**
   * "Teams you relied on this month": the provider teams this respondent's team relies on (the
   * customer map), at most three, rotated fairly when there are more. Optional to answer.
   */
  partners: z.array(z.object({ teamId: z.string(), name: z.string(), items: z.array(zPartnerItem) })),
  /** The team's shared values ("X even at the cost of Y") and the one item about them; null without values. */
  values: z
    .object({
      statements: z.array(z.string()),
      item: z.object({ id: z.string(), text: z.string(), scale: zScale }),
    })
    .nullable(),
  /** The team's actions in progress (at most two), each with its one optional item. */
  actions: z.array(zPulseAction),
});
export type Pulse = z.infer<typeof zPulse>;

/**
 * POST /api/v1/pulse/:token. Which items are required and their ranges depend on the cycle's
 * questionnaire version, so the server checks those after this shape.
 */
export const zPulseSubmission = z.object({
  /** Every questionnaire item, and the values item when the pulse shows one. */
  answers: z.record(z.string(), z.number().int()),
  comment: z.string().max(PULSE_COMMENT_MAX_LENGTH).optional(),
  /** Per provider team asked about, both of its items; a team left out was not asked this month. */
  partnerAnswers: z.record(z.string(), z.record(z.string(), z.number().int())).optional(),
  /** Per action asked about, its item's answer; an action left out was "Not noticed yet". */
  actionAnswers: z.record(z.string(), z.number().int()).optional(),
});
export type PulseSubmission = z.infer<typeof zPulseSubmission>;

/** 201 body: nothing about the stored response comes back, not even its id. */
/** `conversation` only after a comment: its token, shown once, is the author's only way back to the replies. */
export const zPulseReceived = z.object({ status: z.literal('received'), conversation: z.object({ token: z.string() }).optional() });
export type PulseReceived = z.infer<typeof zPulseReceived>;
