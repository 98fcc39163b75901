import { z } from 'zod';

export const zHealth = z.object({ status: z.literal('ok'), database: z.literal('ok') });
export type Health = z.infer<typeof zHealth>;

/** 503 body: the health fields plus the shared error shape. */
export const zHealthUnavailable = z.object({
  status: z.literal('unavailable'),
  database: z.literal('unavailable'),
  error: z.object({ code: z.string(), message: z.string() }),
});
