import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, isDatabaseUnavailable } from '../../errors.js';
import { ERROR_SCHEMA } from './scim.schemas.js';

/** An error in SCIM's own shape (RFC 7644 §3.12), with its `scimType` where one applies. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: 'invalidFilter' | 'uniqueness' | 'invalidValue' | 'invalidPath' | 'noTarget' | 'invalidSyntax',
  ) {
    super(detail);
    this.name = 'ScimError';
  }
}

export const scimNotFound = (what: string) => new ScimError(404, `${what} not found.`);

/** Every error under /scim/v2 leaves as a SCIM Error; a stack never does. */
export function handleScimError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let status = 500;
  let detail = `Something went wrong. Quote request id ${request.id} when reporting it.`;
  let scimType: string | undefined;
  if (error instanceof ScimError) {
    ({ status, scimType } = error);
    detail = error.message;
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    status = 400;
    scimType = 'invalidValue';
    detail = error.validation.map((v) => `${v.instancePath || '/'}: ${v.message ?? 'invalid'}`).join('; ');
  } else if (error instanceof ApiError) {
    status = error.statusCode;
    detail = error.message;
  } else if (isDatabaseUnavailable(error)) {
    status = 503;
    detail = 'The database is unavailable. Try again shortly.';
    reply.header('retry-after', '5');
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    detail = error.message;
    if (status === 400) scimType = 'invalidSyntax';
  }
  if (status >= 500) request.log.error({ err: error }, 'SCIM request failed');
  else request.log.info({ status, scimType }, 'SCIM request refused');
  return reply
    .status(status)
    .type('application/scim+json')
    .send(JSON.stringify({ schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail }));
}
