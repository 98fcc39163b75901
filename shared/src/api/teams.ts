import { z } from 'zod';

/** A team name: never empty, never a `/` (paths use it), at most 100 characters. */
export const zTeamName = z
  .string()
  .trim()
  .min(1, 'Give the team a name.')
  .max(100, 'Use at most 100 characters.')
  .refine((name) => !name.includes('/'), 'A team name cannot contain "/".');

export const zTeam = z.object({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  leaderIds: z.array(z.uuid()),
  /** Active members whose team this is (not counting sub-teams). */
  memberCount: z.number().int(),
  archived: z.boolean(),
});
export type Team = z.infer<typeof zTeam>;

export const zTeamsQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() });
export const zTeamsResponse = z.object({ teams: z.array(zTeam) });
export type TeamsResponse = z.infer<typeof zTeamsResponse>;

export const zTeamParams = z.object({ id: z.uuid() });

export const zCreateTeamBody = z.object({ name: zTeamName, parentId: z.uuid().nullable().optional() });
export type CreateTeamBody = z.infer<typeof zCreateTeamBody>;

export const zUpdateTeamBody = z
  .object({
    name: zTeamName.optional(),
    /** null moves the team to the top level. */
    parentId: z.uuid().nullable().optional(),
    archived: z.boolean().optional(),
    /** Replaces the team's leaders; each must have the `leader` role. */
    leaderIds: z.array(z.uuid()).max(50).optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'Change at least one field.');
export type UpdateTeamBody = z.infer<typeof zUpdateTeamBody>;

export const zTeamResponse = z.object({ team: zTeam });
export type TeamResponse = z.infer<typeof zTeamResponse>;
