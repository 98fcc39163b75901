import { createServer, type Server } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { Page } from 'playwright-core';
import { freePort } from './ports.js';

export interface TestIdentity {
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface TestOidcProvider {
  /** http://127.0.0.1:PORT: the issuer (loopback, so the app accepts http). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in under a login name on the provider's form (default: that address, verified). */
  identities: Map<string, TestIdentity>;
  close(): Promise<void>;
}

/**
 * A real, certified OpenID provider (panva's oidc-provider) in this process, with one
 * confidential client whose redirect URI is `redirectUri`. Its development sign-in form takes
 * any login name; consent is granted at once (a first-party app, as a company registers it).
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'pulse-test';
  const clientSecret = 'a-client-secret-for-tests-only-0123456789';
  const identities = new Map<string, TestIdentity>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { Session: 3600, Grant: 3600, Interaction: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => ({
      accountId: sub,
      claims: () => {
        const identity = identities.get(sub) ?? { email: sub, email_verified: true };
        return { sub, ...identity };
      },
    }),
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    identities,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Signs in on the provider's development form (any password) once the browser is there. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}
