import {
  zAccepted,
  zErrorBody,
  zLoginBody,
  zMeResponse,
  zOwnLanguageBody,
  zPasswordResetBody,
  zSessionResponse,
  zSetPasswordBody,
  zTokenInfo,
  zTokenParams,
} from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, unauthorized } from '../../errors.js';
import { endSession, startSession } from '../../plugins/auth.js';
import { login } from './auth.service.js';
import { sessionLanguage, setOwnLanguage } from './language.service.js';
import { describeToken, requestPasswordReset, setPasswordWithToken } from './tokens.service.js';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Work that runs once an answer has left; closing the app waits for it. */
  const pending = new Set<Promise<void>>();
  const afterAnswer = (work: () => Promise<void>) => {
    const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve)).then(work).finally(() => pending.delete(done));
    pending.add(done);
  };
  app.addHook('onClose', async () => {
    await Promise.all(pending);
  });

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password; sets the pulse_session cookie',
        body: zLoginBody,
        response: { 200: zSessionResponse, ...errors, 429: zErrorBody },
      },
    },
    async (request, reply) => {
      const result = await login(app, request.body.email, request.body.password, request.ip);
      if (!result.ok && result.retryAfter > 0) {
        reply.header('retry-after', String(result.retryAfter));
        throw new ApiError(429, 'too_many_requests', 'auth.tooManyFailures');
      }
      if (!result.ok) throw unauthorized('auth.wrongPassword');
      await startSession(app, request, reply, result.user.id);
      return { user: result.user };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['session'],
        summary: 'End the session on the server and clear its cookie',
        // 400: a body that is not valid JSON (none is needed).
        response: { 204: z.null(), 400: zErrorBody, 403: zErrorBody },
      },
    },
    async (request, reply) => {
      await endSession(app, request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      onRequest: app.requireRole(),
      schema: { tags: ['session'], summary: 'The signed-in user and their language', response: { 200: zMeResponse } },
    },
    async (request) => ({ user: request.user!, ...(await sessionLanguage(app.db, request.user!.id, request.headers['accept-language'])) }),
  );

  app.put(
    '/auth/me/language',
    {
      onRequest: app.requireRole(),
      schema: {
        tags: ['session'],
        summary: 'Choose the dashboard’s language for yourself (null: the browser’s, else the organisation’s)',
        body: zOwnLanguageBody,
        response: { 200: zMeResponse, 400: zErrorBody },
      },
    },
    async (request) => {
      await setOwnLanguage(app.db, request.user!.id, request.body.language);
      return { user: request.user!, ...(await sessionLanguage(app.db, request.user!.id, request.headers['accept-language'])) };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags: ['session'],
        summary: 'Mail a single-use reset link (same answer whether or not the account exists)',
        body: zPasswordResetBody,
        response: { 202: zAccepted, 400: zErrorBody, 403: zErrorBody },
      },
    },
    async (request, reply) => {
      // The answer leaves first; the lookup and the mail follow (see requestPasswordReset).
      const { email } = request.body;
      const { ip, log } = request;
      afterAnswer(() => requestPasswordReset(app, email, ip).catch((error: unknown) => log.error({ err: error }, 'password reset failed')));
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.get(
    '/auth/tokens/:token',
    {
      schema: {
        tags: ['session'],
        summary: 'Check an invitation or reset link before choosing a password',
        params: zTokenParams,
        response: { 200: zTokenInfo, 400: zErrorBody, 404: zErrorBody, 410: zErrorBody },
      },
    },
    async (request) => describeToken(app, request.params.token),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['session'],
        summary: 'Choose a password with an invitation or reset link; signs in',
        body: zSetPasswordBody,
        response: { 200: zSessionResponse, 400: zErrorBody, 403: zErrorBody, 404: zErrorBody, 410: zErrorBody },
      },
    },
    async (request, reply) => {
      const user = await setPasswordWithToken(app, request.body.token, request.body.password);
      await startSession(app, request, reply, user.id);
      return { user };
    },
  );
};
