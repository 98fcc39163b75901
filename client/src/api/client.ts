import type { ErrorBody, ErrorDetail } from '@pulse/shared';
import { t } from '../i18n/messages.js';

/**
 * A failed API call, carrying the server's error shape. Its message is the server's, which the
 * server writes in the reader's language (server/src/i18n/errors/), or the interface's own.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

let sessionEnded: (() => void) | null = null;
/** Counts sign-ins, so a 401 to a request sent before the latest one is not taken for its end. */
let sessionNumber = 0;

/** A new session began (sign-in, password link): older requests' 401s no longer count. */
export function sessionStarted(): void {
  sessionNumber++;
}

/**
 * `listener` hears when the server refuses a request for want of a session (401) outside the
 * sign-in routes: the session expired or was ended elsewhere. Null stops listening.
 */
export function whenSessionEnds(listener: (() => void) | null): void {
  sessionEnded = listener;
}

/**
 * Calls the API with the session cookie. Bodies are JSON unless a string is given with its own
 * content type. Resolves with the parsed body (undefined for 204), rejects with ApiRequestError.
 */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const sentIn = sessionNumber;
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...rest,
      headers: { accept: 'application/json', ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  } catch {
    throw new ApiRequestError(0, 'network_error', t('state.offline'));
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (response.status === 401 && sentIn === sessionNumber && !path.startsWith('/api/v1/auth/')) sessionEnded?.();
    if (isErrorBody(body)) throw new ApiRequestError(response.status, body.error.code, body.error.message, body.error.details);
    throw new ApiRequestError(response.status, 'unexpected_response', t('state.unexpected', { status: String(response.status) }));
  }
  return body as T;
}
