import { z } from 'zod';

export const zOutboxMessage = z.object({ id: z.string(), at: z.string(), to: z.string(), subject: z.string() });
export type OutboxMessage = z.infer<typeof zOutboxMessage>;

/** `smtp`: mail leaves through the SMTP server and nothing is kept here. */
export const zOutboxResponse = z.object({
  mode: z.enum(['smtp', 'outbox']),
  /** The newest messages, at most 200. */
  messages: z.array(zOutboxMessage),
  total: z.number().int(),
});
export type OutboxResponse = z.infer<typeof zOutboxResponse>;

export const zOutboxParams = z.object({ id: z.string().regex(/^[\w.-]+\.eml$/, 'Not an outbox message id.') });

export const zOutboxMessageDetail = zOutboxMessage.extend({ from: z.string(), text: z.string(), links: z.array(z.string()) });
export type OutboxMessageDetail = z.infer<typeof zOutboxMessageDetail>;
