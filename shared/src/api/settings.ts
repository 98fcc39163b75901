import { z } from 'zod';
import { MIN_ANONYMITY_THRESHOLD, MAX_ANONYMITY_THRESHOLD } from '../limits.js';
import { zLanguage } from './language.js';
export { MIN_ANONYMITY_THRESHOLD, MAX_ANONYMITY_THRESHOLD };

export const zSettings = z.object({
  /** Smallest group whose answers are ever shown, in any form. */
  anonymityThreshold: z.number().int(),
  /**
   * The latest closed cycle and the threshold it was published at. A closed cycle never shows
   * more than it did then: lowering the threshold applies to cycles closed from now on.
   */
  latestPublication: z.object({ cycleLabel: z.string(), threshold: z.number().int() }).nullable(),
  /** The language of anyone who has not chosen one and whose browser asks for none Pulse speaks. */
  defaultLanguage: zLanguage,
});
export type Settings = z.infer<typeof zSettings>;

export const zUpdateSettingsBody = z.object({
  anonymityThreshold: z
    .number()
    .int('Use a whole number.')
    .min(MIN_ANONYMITY_THRESHOLD, `The threshold is never below ${MIN_ANONYMITY_THRESHOLD}.`)
    .max(MAX_ANONYMITY_THRESHOLD, `The threshold is at most ${MAX_ANONYMITY_THRESHOLD}.`),
});
export type UpdateSettingsBody = z.infer<typeof zUpdateSettingsBody>;

/** PUT /settings/language (admin): the organisation's default language. */
export const zDefaultLanguageBody = z.object({ defaultLanguage: zLanguage });
export type DefaultLanguageBody = z.infer<typeof zDefaultLanguageBody>;
