import type { Role, SsoFailure } from '@pulse/shared';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';
import { hashToken, newToken, type SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditRefusal } from '../auth/auth.service.js';
import { findUserByEmail } from '../users/find-user.js';
import { insertPendingLogin, takePendingLogin } from './oidc.repository.js';

/** The path the provider returns to; registered at the provider as `PUBLIC_URL` + this. */
export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** Where a person lands after signing in (the client's `homeFor`). */
export const homePath = (role: Role) => (role === 'member' ? '/' : role === 'admin' ? '/teams' : '/insights');

/** A sign-in that ends on the sign-in page with a reason, never a stack. */
export class SsoError extends Error {
  constructor(
    readonly reason: SsoFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'SsoError';
  }
}

/**
 * The OpenID Connect client: discovery from the issuer once (retried after a failure),
 * authorization code flow with PKCE (S256), state and nonce, all checked by openid-client.
 * `http:` is allowed only for a loopback issuer (config.ts refuses any other).
 */
export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    private readonly settings: OidcConfig,
    private readonly publicUrl: string,
  ) {}

  get redirectUri(): string {
    return `${this.publicUrl}${CALLBACK_PATH}`;
  }

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      const options = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {};
      this.configuration = client
        .discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, options)
        .catch((error: unknown) => {
          this.configuration = null;
          throw error;
        });
    }
    return this.configuration;
  }

  /** Records the checks under a fresh browser cookie and returns the provider's URL and that cookie. */
  async start(app: FastifyInstance, next: string | null): Promise<{ url: string; cookie: string }> {
    const configuration = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const cookie = newToken();
    await insertPendingLogin(app.db, hashToken(cookie), { state, nonce, code_verifier: codeVerifier, next });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, cookie };
  }

  /**
   * Finishes the flow: the pending sign-in of this browser (used once), the code exchanged and
   * the ID token checked (issuer, audience, nonce, state, PKCE), then the verified email matched
   * to an active account. Throws SsoError with the reason the sign-in page shows.
   */
  async finish(
    app: FastifyInstance,
    cookie: string | undefined,
    requestUrl: string,
    log: FastifyBaseLogger,
  ): Promise<{ user: SessionUser; next: string | null }> {
    const pending = cookie ? await takePendingLogin(app.db, hashToken(cookie)) : undefined;
    if (!pending) throw new SsoError('expired', 'no pending sign-in for this browser');
    const configuration = await this.discover();
    const currentUrl = new URL(requestUrl, this.publicUrl);
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      claims = { ...idClaims };
      if (typeof claims.email !== 'string') {
        claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims };
      }
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError && error.error === 'access_denied')
        throw new SsoError('denied', 'access_denied');
      // The library's message names the failed check (never a token), for the operator.
      log.warn({ code: (error as { code?: unknown }).code, reason: (error as Error).message }, 'OpenID sign-in refused');
      throw new SsoError('failed', (error as Error).message);
    }
    // Entra ID marks an address its tenant owns with `xms_edov` instead of `email_verified`.
    const verified = claims.email_verified === true || claims.xms_edov === true;
    if (typeof claims.email !== 'string' || !verified) throw new SsoError('unverified_email', 'email missing or not verified');
    const user = await findUserByEmail(app.db, claims.email);
    if (!user?.active) throw new SsoError('unknown_person', 'no active account with this email');
    return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, next: pending.next };
  }
}

/** A successful single sign-on, in the audit log like a password's. */
export async function auditSsoLogin(app: FastifyInstance, user: SessionUser, ip: string): Promise<void> {
  await recordAudit(app.db, user, 'auth.login', user.id, { ip, method: 'oidc' });
}

/** A refused single sign-on: audited once per reason and address per window. */
export async function auditSsoRefusal(app: FastifyInstance, reason: SsoFailure, ip: string): Promise<void> {
  await auditRefusal(app, 'oidc', ip, `sso_${reason}`);
}
