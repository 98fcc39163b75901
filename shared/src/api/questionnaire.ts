import { z } from 'zod';
import { customScales } from '../questionnaire.js';

/** At most this many of HR's questions are active at once. */
export const MAX_CUSTOM_ITEMS = 5;
export const CUSTOM_ITEM_TEXT_MAX = 300;

const zItemText = z
  .string()
  .trim()
  .min(1, 'Write the question.')
  .max(CUSTOM_ITEM_TEXT_MAX, `Use at most ${CUSTOM_ITEM_TEXT_MAX} characters.`);

/** POST /questionnaire/items. Without `teamIds` (or with none) everyone is asked. */
export const zCustomItemCreate = z.object({
  text: zItemText,
  scale: z.enum(customScales),
  teamIds: z.array(z.uuid('Choose teams from the list.')).max(500).optional(),
});
export type CustomItemCreate = z.infer<typeof zCustomItemCreate>;

/** PATCH /questionnaire/items/:id: a new wording, new teams, or both; the id stays. */
export const zCustomItemUpdate = z
  .object({ text: zItemText.optional(), teamIds: z.array(z.uuid('Choose teams from the list.')).max(500).optional() })
  .refine((b) => b.text !== undefined || b.teamIds !== undefined, { message: 'Send a new wording or new teams.' });
export type CustomItemUpdate = z.infer<typeof zCustomItemUpdate>;

export const zCustomItemParams = z.object({ id: z.uuid() });

/** One of HR's questions as it is now; `teamIds` empty: everyone is asked. */
export const zCustomItem = z.object({
  id: z.uuid(),
  text: z.string(),
  scale: z.enum(customScales),
  teamIds: z.array(z.uuid()),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export type CustomItem = z.infer<typeof zCustomItem>;

export const zCustomItemResponse = z.object({ item: zCustomItem, version: z.number().int() });

/** GET /questionnaire/items: the questionnaire new cycles get, and every question, retired ones last. */
export const zInstrument = z.object({
  /** The version a cycle created now asks. */
  version: z.number().int(),
  /** Whether new cycles ask eNPS (on by default). */
  enps: z.boolean(),
  items: z.array(zCustomItem),
  maxActive: z.number().int(),
});
export type Instrument = z.infer<typeof zInstrument>;

/** PUT /questionnaire/enps */
export const zEnpsSetting = z.object({ enabled: z.boolean() });
