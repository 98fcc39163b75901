import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../limits.js';
import { roles } from '../vocabulary.js';
import { zLanguage } from './language.js';
export { MIN_PASSWORD_LENGTH };
export type { Role } from '../vocabulary.js';

export const zRole = z.enum(roles);

/** The signed-in person. */
export const zUser = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: zRole });
export type User = z.infer<typeof zUser>;

export const zSessionResponse = z.object({ user: zUser });
export type SessionResponse = z.infer<typeof zSessionResponse>;

/**
 * GET /auth/me: the signed-in person and the language the dashboard speaks to them: their own
 * choice (`ownLanguage`), else the browser's `Accept-Language`, else the organisation's default.
 */
export const zMeResponse = zSessionResponse.extend({ language: zLanguage, ownLanguage: zLanguage.nullable() });
export type MeResponse = z.infer<typeof zMeResponse>;

/** PUT /auth/me/language: the person's own language; null goes back to the browser's or the organisation's. */
export const zOwnLanguageBody = z.object({ language: zLanguage.nullable() });
export type OwnLanguageBody = z.infer<typeof zOwnLanguageBody>;

export const zLoginBody = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1024),
});
export type LoginBody = z.infer<typeof zLoginBody>;

export const zPasswordResetBody = z.object({ email: z.email().max(320) });
export type PasswordResetBody = z.infer<typeof zPasswordResetBody>;

/** Accepted: a link goes out if the address belongs to an active account (no one learns which). */
export const zAccepted = z.object({ status: z.literal('accepted') });
export type Accepted = z.infer<typeof zAccepted>;

export const zTokenParams = z.object({ token: z.string().min(16).max(128) });

/** What a set-password page may show about its link before the password is chosen. */
export const zTokenInfo = z.object({ purpose: z.enum(['invite', 'reset']), email: z.string(), name: z.string() });
export type TokenInfo = z.infer<typeof zTokenInfo>;

export const zSetPasswordBody = z.object({
  token: z.string().min(16).max(128),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200, 'Use at most 200 characters.'),
});
export type SetPasswordBody = z.infer<typeof zSetPasswordBody>;
