import { z } from 'zod';
import { zRole, zUser } from './auth.js';

/** An account as the users screen sees it. */
export const zUserAccount = zUser.extend({
  teamId: z.uuid().nullable(),
  active: z.boolean(),
  /** False until the person has followed an invitation and chosen a password. */
  hasPassword: z.boolean(),
  leadsTeamIds: z.array(z.uuid()),
});
export type UserAccount = z.infer<typeof zUserAccount>;

export const zUsersQuery = z.object({ role: zRole.optional(), q: z.string().trim().max(200).optional() });
export const zUsersResponse = z.object({ users: z.array(zUserAccount) });
export type UsersResponse = z.infer<typeof zUsersResponse>;

export const zUserParams = z.object({ id: z.uuid() });

const zPersonName = z.string().trim().min(1, 'Enter a name.').max(200);

export const zCreateUserBody = z.object({
  email: z.email('Enter a valid email address.').max(320),
  name: zPersonName,
  role: zRole,
  teamId: z.uuid().nullable().optional(),
  /** Mail a link to set a password (default true). */
  invite: z.boolean().optional(),
});
export type CreateUserBody = z.infer<typeof zCreateUserBody>;

export const zUpdateUserBody = z
  .object({
    name: zPersonName.optional(),
    role: zRole.optional(),
    teamId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'Change at least one field.');
export type UpdateUserBody = z.infer<typeof zUpdateUserBody>;

export const zUserResponse = z.object({ user: zUserAccount });
export type UserResponse = z.infer<typeof zUserResponse>;

export const zInviteResponse = z.object({ sentTo: z.string() });
export type InviteResponse = z.infer<typeof zInviteResponse>;
