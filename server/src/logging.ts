import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * Paths whose next segment is a credential: a personal pulse link (the page and the API), an
 * invitation or reset link being checked, and a comment's private conversation link (page and API). The segment is replaced, whatever its encoding.
 */
const SECRET_SEGMENTS = [
  /^(\/p\/)[^/]+/,
  /^(\/api\/v1\/pulse\/)[^/]+/,
  /^(\/api\/v1\/auth\/tokens\/)[^/]+/,
  /^(\/c\/)[^/]+/,
  /^(\/api\/v1\/conversations\/)[^/]+/,
];
/** Query parameters that may carry a credential (`/set-password?token=…`, an OpenID `code` and `state`). */
const SECRET_PARAMS = /token|password|secret|session|key|code|state/i;
const REDACTED = '[token]';

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The request URL as it may be logged: credential segments and parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const decoded = decodePath(rawPath);
  const secret = SECRET_SEGMENTS.find((pattern) => pattern.test(decoded));
  const path = secret ? decoded.replace(secret, `$1${REDACTED}`) : rawPath;
  if (q < 0) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of new Set(params.keys())) if (SECRET_PARAMS.test(name)) params.set(name, REDACTED);
  return `${path}?${params.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED)}`;
}

/** True for a request that opens or answers a pulse or a comment's conversation: its address could tell who wrote. */
const isPulse = (url: string) => /^\/(p|c|api\/v1\/pulse|api\/v1\/conversations)\//.test(decodePath(url));

/** What a request contributes to its log lines: no credential, no address for a pulse. */
function serializeRequest(request: FastifyRequest) {
  const url = request.url;
  return {
    method: request.method,
    url: redactUrl(url),
    ...(isPulse(url) ? {} : { remoteAddress: request.ip }),
  };
}

/**
 * Every field that could hold a credential, wherever a log call puts it: passwords, tokens, bot tokens and webhook URLs in
 * a logged body or object, the session cookie, Set-Cookie and Authorization headers.
 */
const REDACT_PATHS = [
  'password',
  'token',
  'newPassword',
  'cookie',
  'authorization',
  'sessionHash',
  'botToken',
  'webhookUrl',
  'secretKey',
].flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `req.headers.${field}`, `res.headers["set-cookie"]`]);

/** Pino options for the server's logger: the level, where lines go, and what never goes. */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: [...new Set(REDACT_PATHS)], censor: '[redacted]' },
    serializers: { req: serializeRequest },
  };
}
