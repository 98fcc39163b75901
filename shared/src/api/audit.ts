import { z } from 'zod';

export const zAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof zAuditEntry>;

export const zAuditQuery = z.object({
  /** Entries older than this id (the previous page's `nextBefore`). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** Only actions starting with this, e.g. `auth.` or `teams.update`. */
  action: z.string().trim().max(100).optional(),
});
export const zAuditResponse = z.object({ entries: z.array(zAuditEntry), nextBefore: z.number().int().nullable() });
export type AuditResponse = z.infer<typeof zAuditResponse>;
