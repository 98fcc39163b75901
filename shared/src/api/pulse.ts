import { z } from 'zod';
import { zQuestionnaire } from '../questionnaire.js';

/** The longest optional comment a respondent may leave. */
export const PULSE_COMMENT_MAX_LENGTH = 2000;

/** The link's token is the credential: no session, no account. */
export const zPulseParams = z.object({ token: z.string() });

/** GET /api/v1/pulse/:token */
export const zPulse = z.object({
  cycle: z.object({ id: z.string(), label: z.string(), closesAt: z.string() }),
  team: z.object({ name: z.string() }),
  questionnaire: zQuestionnaire,
  /** Sent so the page needs no copy of the limit. */
  commentMaxLength: z.number().int(),
});
export type Pulse = z.infer<typeof zPulse>;

/**
 * POST /api/v1/pulse/:token. Which items are required and their ranges depend on the cycle's
 * questionnaire version, so the server checks those after this shape.
 */
export const zPulseSubmission = z.object({
  answers: z.record(z.string(), z.number().int()),
  comment: z.string().max(PULSE_COMMENT_MAX_LENGTH).optional(),
});
export type PulseSubmission = z.infer<typeof zPulseSubmission>;

/** 201 body: nothing about the stored response comes back, not even its id. */
export const zPulseReceived = z.object({ status: z.literal('received') });
export type PulseReceived = z.infer<typeof zPulseReceived>;
