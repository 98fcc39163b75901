import { z } from 'zod';
import { zRole } from './auth.js';

export const zMember = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  teamId: z.uuid().nullable(),
  role: zRole,
  active: z.boolean(),
});
export type Member = z.infer<typeof zMember>;

export const zMembersQuery = z.object({
  /** Matches name or email, case-insensitively. */
  q: z.string().trim().max(200).optional(),
  teamId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  /** Without a limit every matching member is returned. */
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
});
export const zMembersResponse = z.object({ members: z.array(zMember), total: z.number().int() });
export type MembersResponse = z.infer<typeof zMembersResponse>;

/** The columns of a member CSV, in this order. */
export const MEMBER_CSV_COLUMNS = ['email', 'name', 'team', 'role'] as const;

export const zImportQuery = z.object({
  /** Validate and count, change nothing. */
  dryRun: z.enum(['true', 'false']).optional(),
  /** Deactivate active members and leaders who are not in the file. */
  deactivateMissing: z.enum(['true', 'false']).optional(),
});

export const zImportPreviewRow = z.object({ line: z.number().int(), email: z.string(), name: z.string(), team: z.string(), role: zRole });

export const zImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deactivated: z.number().int(),
  teamsCreated: z.number().int(),
  dryRun: z.boolean(),
  /** The first rows as read, for a preview. */
  preview: z.array(zImportPreviewRow),
});
export type ImportResult = z.infer<typeof zImportResult>;
