import { createHash, randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { Role } from '@pulse/db';
import { zErrorBody } from '@pulse/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { forbidden, unauthorized } from '../errors.js';
import { deleteExpiredSessions, deleteSession, findSession, insertSession, touchSession } from '../features/auth/sessions.service.js';

export { inScope, teamScope, type TeamScope } from './scope.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'pulse_session';

/** The signed-in person as routes see them (`request.user`). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** A route as registered under /api/v1, for the authorization test's inventory. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null without a valid session. */
    user: SessionUser | null;
    /** sha256 of this request's session token, when it has a valid one. */
    sessionHash: string | null;
  }
  interface FastifyInstance {
    /**
     * Hook factory: 401 without a valid session, 403 when the role is not listed (no roles:
     * any signed-in person). Use it as the route's `onRequest` so access is decided before
     * the body is validated; it also works as a `preHandler`.
     */
    requireRole(...roles: Role[]): onRequestAsyncHookHandler;
    /** Every route registered under /api/v1 after this plugin (HEAD twins left out). */
    apiRoutes: RegisteredRoute[];
  }
}

/** Refresh `last_seen_at` at most this often, so reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** sha256 (hex) of a token: sessions and one-time links store only this. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh random 256-bit token, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookies are Secure when the site is served over https. */
export function wantsSecureCookie(config: Config, request: FastifyRequest): boolean {
  return config.publicUrl.startsWith('https:') || request.protocol === 'https';
}

/** Starts a server-side session for `userId` and sets its cookie on the reply. */
export async function startSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, userId: string) {
  const token = newToken();
  const now = Date.now();
  await deleteExpiredSessions(
    app.db,
    new Date(now - app.config.sessionIdleMinutes * 60_000),
    new Date(now - app.config.sessionMaxHours * 3_600_000),
  );
  await insertSession(app.db, hashToken(token), userId);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: wantsSecureCookie(app.config, request),
    maxAge: app.config.sessionMaxHours * 3600,
  });
}

/** Ends the request's session on the server and clears its cookie. */
export async function endSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  if (request.sessionHash) await deleteSession(app.db, request.sessionHash);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** True when Origin (or, failing that, Referer) names PUBLIC_URL's origin or the request's own. */
export function isSameSite(request: FastifyRequest, publicUrl: string): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source || source === 'null') return false;
  try {
    const origin = new URL(source).origin;
    return origin === new URL(publicUrl).origin || origin === new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return false;
  }
}

/**
 * CSRF: a state-changing request that carries the session cookie must come from this site.
 * A foreign Origin is refused even without the cookie, which also stops login CSRF.
 */
function checkOrigin(request: FastifyRequest, config: Config) {
  if (SAFE_METHODS.has(request.method)) return;
  const hasCookie = Boolean(request.cookies[SESSION_COOKIE]);
  if (!hasCookie && !request.headers.origin) return;
  if (!isSameSite(request, config.publicUrl)) throw forbidden('auth.foreignOrigin');
}

async function resolveSession(app: FastifyInstance, request: FastifyRequest) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const idHash = hashToken(token);
  const row = await findSession(app.db, idHash);
  if (!row) return;
  const now = Date.now();
  const idleExpired = now - row.last_seen_at.getTime() > app.config.sessionIdleMinutes * 60_000;
  const absoluteExpired = now - row.created_at.getTime() > app.config.sessionMaxHours * 3_600_000;
  if (idleExpired || absoluteExpired) {
    await deleteSession(app.db, idHash);
    return;
  }
  if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await touchSession(app.db, idHash);
  request.user = { id: row.id, email: row.email, name: row.name, role: row.role };
  request.sessionHash = idHash;
}

/**
 * Sessions, CSRF and roles in one place: every /api request gets `request.user` from its
 * `pulse_session` cookie (server-side session, idle and absolute expiry), state-changing
 * requests are checked for a same-site origin, and routes declare who may call them with
 * `app.requireRole(...)`.
 */
async function auth(app: FastifyInstance, { config }: { config: Config }) {
  await app.register(fastifyCookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);

  app.addHook('onRequest', async (request) => {
    // Decided by the route that matched, not the raw URL: `/%61pi/...` reaches the same route.
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    checkOrigin(request, config);
    await resolveSession(app, request);
  });

  // A route guarded by requireRole may answer 401 and 403: the guard declares both in the
  // route's response schema, so route files list only what their own handlers send.
  const guards = new WeakSet<object>();
  app.decorate('requireRole', (...roles: Role[]): onRequestAsyncHookHandler => {
    const guard: onRequestAsyncHookHandler = async (request) => {
      if (!request.user) throw unauthorized();
      if (roles.length > 0 && !roles.includes(request.user.role)) throw forbidden();
    };
    guards.add(guard);
    return guard;
  });
  app.addHook('onRoute', (route) => {
    if (![route.onRequest ?? []].flat().some((hook) => guards.has(hook))) return;
    const response = (route.schema?.response ?? {}) as Record<string, unknown>;
    route.schema = { ...route.schema, response: { 401: zErrorBody, 403: zErrorBody, ...response } };
  });

  const apiRoutes: RegisteredRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url });
    }
  });
}

export default fp(auth, { name: 'auth', dependencies: ['database'] });
