import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { isLanguage, type ErrorBody, type Language } from '@pulse/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ApiError, isDatabaseUnavailable } from '../errors.js';
import { sessionLanguage } from '../features/auth/language.service.js';
import { getDefaultLanguage } from '../features/settings/settings.service.js';
import { chooseLanguage } from '../i18n/language.js';
import { errorText } from '../i18n/error-text.js';

const codeByStatus: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  431: 'headers_too_large',
};

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Sends the error shape with the given status. */
export function sendError(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function validationPath(context: string | undefined, instancePath: string, missing?: unknown): string {
  const segments = instancePath.split('/').filter(Boolean);
  if (typeof missing === 'string') segments.push(missing);
  const prefix = context && context !== 'body' ? [context === 'querystring' ? 'query' : context] : [];
  return [...prefix, ...segments].join('.') || context || 'body';
}

/** PostgreSQL's "data exception" class (SQLSTATE 22xxx): a value it cannot store or compare. */
function isBadValue(error: FastifyError): boolean {
  const { code, severity } = error as FastifyError & { severity?: unknown };
  return typeof severity === 'string' && typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/**
 * The language an error is answered in, as the dashboard and the pulse page choose theirs: the
 * request's `?lang=`, else the signed-in person's own, else `Accept-Language`, else the
 * organisation's default. Without `useDatabase` (the database is the trouble, or the server is
 * shedding load) only what the request itself says counts, else English. Never throws.
 */
async function readerLanguage(request: FastifyRequest, useDatabase: boolean): Promise<Language> {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (isLanguage(asked)) return asked;
  const acceptLanguage = request.headers['accept-language'];
  if (useDatabase) {
    try {
      const db = request.server.db;
      if (request.user) return (await sessionLanguage(db, request.user.id, acceptLanguage)).language;
      return chooseLanguage([], acceptLanguage, await getDefaultLanguage(db));
    } catch {
      // The database cannot say: what the request says, else English.
    }
  }
  return chooseLanguage([], acceptLanguage, 'en');
}

/**
 * One error handler for the whole API: every error leaves in the shape of zErrorBody
 * (shared/src/errors.ts), its message in the reader's language (`readerLanguage`; the catalogues
 * are server/src/i18n/errors/). The code and the details' paths never change with the language.
 */
export async function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      path: validationPath(error.validationContext, v.instancePath, (v.params as { missingProperty?: unknown })?.missingProperty),
      message: v.message ?? 'Invalid value',
    }));
    request.log.info({ details }, 'invalid request');
    const message = errorText(await readerLanguage(request, true), 'request.invalid');
    sendError(reply, 400, { error: { code: 'invalid_request', message, details } });
    return;
  }
  if (error instanceof ApiError) {
    request.log.info({ code: error.code }, error.message);
    if (error.statusCode === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    const body: ErrorBody = {
      error: { code: error.code, message: error.messageIn(await readerLanguage(request, error.statusCode !== 503)) },
    };
    if (error.details) body.error.details = error.details;
    sendError(reply, error.statusCode, body);
    return;
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    const message = errorText(await readerLanguage(request, false), 'server.databaseUnavailable');
    sendError(reply, 503, { error: { code: 'database_unavailable', message } });
    return;
  }
  if (isBadValue(error)) {
    // A safety net: validation should catch these first, but a value that reaches SQL and is
    // refused there (a NUL character, say) is still the request's fault, not the server's.
    request.log.warn({ err: error }, 'value refused by the database');
    sendError(reply, 400, {
      error: { code: 'invalid_request', message: errorText(await readerLanguage(request, true), 'request.badValue') },
    });
    return;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    // Fastify's own refusals (a body too large, a bad content type, …) keep its English words.
    request.log.info({ code: error.code }, error.message);
    sendError(reply, status, { error: { code: codeByStatus[status] ?? 'bad_request', message: error.message } });
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  const message = errorText(await readerLanguage(request, false), 'server.internal', { id: request.id });
  sendError(reply, 500, { error: { code: 'internal_error', message } });
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (headers over the size
 * limit, bytes that are not HTTP) never reaches a route, so it is answered here, still in the
 * error shape, and the connection is closed.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  this.log.info({ code: error.code }, 'malformed HTTP request refused');
  const message =
    status === 431
      ? 'The request headers are too large.'
      : status === 408
        ? 'The request took too long.'
        : 'The request is not valid HTTP.';
  const body = JSON.stringify({ error: { code: codeByStatus[status] ?? 'bad_request', message } } satisfies ErrorBody);
  if (!socket.writable) return void socket.destroy();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  // A client that never reads the answer must not hold the socket open.
  setTimeout(() => socket.destroy(), 2_000).unref();
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(handleError);
  },
  { name: 'errors' },
);
