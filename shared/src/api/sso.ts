import { z } from 'zod';

/** How people can sign in here: shown by the sign-in page before anyone has a session. */
export const zSignInMethods = z.object({
  /** The OpenID provider's button ("Sign in with <name>"), or null without OIDC_ISSUER. */
  oidc: z.object({ name: z.string(), loginUrl: z.string() }).nullable(),
  /** `admin-only`: the password form is the administrators' break-glass way in. */
  password: z.enum(['all', 'admin-only']),
});
export type SignInMethods = z.infer<typeof zSignInMethods>;

/** Where to go after signing in: a path on this site (anything else is ignored). */
export const zOidcLoginQuery = z.object({ next: z.string().max(2000).optional() });

/** What the OpenID provider sends back to the callback; checked by openid-client itself. */
export const zOidcCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  session_state: z.string().max(512).optional(),
});

/** Why a single sign-on ended on the sign-in page instead of signed in (`/login?sso=<reason>`). */
export const zSsoFailure = z.enum(['failed', 'expired', 'denied', 'unverified_email', 'unknown_person', 'unavailable']);
export type SsoFailure = z.infer<typeof zSsoFailure>;

export const zScimTokenBody = z.object({ name: z.string().trim().min(1, 'Name the token (e.g. "Okta").').max(100) });
export type ScimTokenBody = z.infer<typeof zScimTokenBody>;

/** A new SCIM token: `token` is shown this once and stored only as its hash. */
export const zScimTokenCreated = z.object({ id: z.uuid(), name: z.string(), token: z.string() });
export type ScimTokenCreated = z.infer<typeof zScimTokenCreated>;

export const zScimTokenParams = z.object({ id: z.uuid() });
