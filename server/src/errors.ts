import type { ErrorDetail, Language } from '@pulse/shared';
import { errorText, type ErrorKey, type ErrorVar } from './i18n/error-text.js';

export type { ErrorKey };

/** An error message: a key of server/src/i18n/errors/en.ts, with its placeholders' values when it has any. */
export type ErrorMessage = ErrorKey | readonly [ErrorKey, Readonly<Record<string, ErrorVar>>];

/**
 * An error that becomes a 4xx (or 503) answer with its own code and message. The message is a
 * catalogue key: `message` is its English text (for logs and tests), and the error handler
 * answers it in the reader's language (`messageIn`). The code never depends on the language.
 */
export class ApiError extends Error {
  readonly key: ErrorKey;
  readonly vars: Readonly<Record<string, ErrorVar>>;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    text: ErrorMessage,
    readonly details?: ErrorDetail[],
  ) {
    const [key, vars] = typeof text === 'string' ? [text, {}] : text;
    super(errorText('en', key, vars));
    this.name = 'ApiError';
    this.key = key;
    this.vars = vars;
  }

  /** The message in `language`. */
  messageIn(language: Language): string {
    return errorText(language, this.key, this.vars);
  }
}

/** What a 404 did not find: the `notFound.*` keys of the error catalogue. */
export type NotFoundWhat = ErrorKey extends infer K ? (K extends `notFound.${infer W}` ? W : never) : never;

export const badRequest = (message: ErrorMessage, details?: ErrorDetail[]) => new ApiError(400, 'invalid_request', message, details);
export const unauthorized = (message: ErrorMessage = 'auth.signIn') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message: ErrorMessage = 'auth.forbidden') => new ApiError(403, 'forbidden', message);
export const notFound = (what: NotFoundWhat) => new ApiError(404, 'not_found', `notFound.${what}`);
export const conflict = (message: ErrorMessage) => new ApiError(409, 'conflict', message);

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: admin/crash shutdown, cannot connect now, connection exceptions.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** True when the error means "the database cannot be reached right now", not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && unavailableCodes.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return /Connection terminated|timeout exceeded when trying to connect|connection error|Connection refused/i.test(error.message);
}
