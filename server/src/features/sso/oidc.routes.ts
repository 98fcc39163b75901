import { zErrorBody, zOidcCallbackQuery, zOidcLoginQuery, zSignInMethods, type SsoFailure } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, notFound } from '../../errors.js';
import { startSession, wantsSecureCookie } from '../../plugins/auth.js';
import { reserveAttempt } from '../auth/login-limit.js';
import { LOGIN_TTL_SECONDS } from './oidc.repository.js';
import { auditSsoLogin, auditSsoRefusal, homePath, OidcClient, SsoError } from './oidc.service.js';
import { safeNext } from '@pulse/shared/next-path';

/** The browser cookie that ties a callback to the sign-in this browser started. */
const LOGIN_COOKIE = 'pulse_oidc';
const COOKIE_PATH = '/api/v1/auth/oidc';
/** Sign-ins one address may start per LOGIN_WINDOW_SECONDS (each stores a row until used). */
const STARTS_PER_ADDRESS = 30;

const failurePage = (reason: SsoFailure) => `/login?sso=${reason}`;
const zRedirect = z.null().describe('302 to the OpenID provider, or to the sign-in page with ?sso=<reason>');

export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = app.config.oidc;
  const oidc = settings ? new OidcClient(settings, app.config.publicUrl) : null;

  app.get(
    '/auth/methods',
    { schema: { tags: ['session'], summary: 'How people can sign in here (for the sign-in page)', response: { 200: zSignInMethods } } },
    async () => ({
      oidc: settings ? { name: settings.providerName, loginUrl: `${COOKIE_PATH}/login` } : null,
      password: app.config.passwordLogin,
    }),
  );

  app.get(
    '/auth/oidc/login',
    {
      schema: {
        tags: ['session'],
        summary: 'Start signing in at the OpenID provider (302 there); `next` is a path on this site',
        querystring: zOidcLoginQuery,
        response: { 302: zRedirect, 400: zErrorBody, 404: zErrorBody, 429: zErrorBody },
      },
    },
    async (request, reply) => {
      if (!oidc) throw notFound('singleSignOn');
      const limit = await reserveAttempt(
        app.db,
        [{ key: `oidc-start|${request.ip}`, max: STARTS_PER_ADDRESS }],
        app.config.loginWindowSeconds,
      );
      if (!limit.granted) {
        reply.header('retry-after', String(limit.retryAfter));
        throw new ApiError(429, 'too_many_requests', 'auth.tooManyStarts');
      }
      let started: { url: string; cookie: string };
      try {
        started = await oidc.start(app, safeNext(request.query.next));
      } catch (error) {
        request.log.warn({ reason: (error as Error).message }, 'OpenID provider unavailable');
        return reply.redirect(failurePage('unavailable'), 302);
      }
      reply.setCookie(LOGIN_COOKIE, started.cookie, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: wantsSecureCookie(app.config, request),
        maxAge: LOGIN_TTL_SECONDS,
      });
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags: ['session'],
        summary: 'Where the OpenID provider returns: signs in and redirects, or redirects to the sign-in page with the reason',
        querystring: zOidcCallbackQuery,
        response: { 302: zRedirect, 400: zErrorBody, 404: zErrorBody },
      },
    },
    async (request, reply) => {
      if (!oidc) throw notFound('singleSignOn');
      const cookie = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, { path: COOKIE_PATH });
      try {
        const { user, next } = await oidc.finish(app, cookie, request.url, request.log);
        await startSession(app, request, reply, user.id);
        await auditSsoLogin(app, user, request.ip);
        return reply.redirect(next ?? homePath(user.role), 302);
      } catch (error) {
        const reason: SsoFailure = error instanceof SsoError ? error.reason : 'unavailable';
        if (!(error instanceof SsoError)) request.log.warn({ reason: (error as Error).message }, 'OpenID provider unavailable');
        await auditSsoRefusal(app, reason, request.ip);
        return reply.redirect(failurePage(reason), 302);
      }
    },
  );
};
