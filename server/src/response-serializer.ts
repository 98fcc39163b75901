import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodType } from 'zod';

/**
 * Every response is checked against its route's zod schema before it is sent as JSON; one that
 * does not match is a 500 (ResponseSerializationError), never a leak of extra fields. The
 * library's own compiler checks with `encode`, which runs each check twice (a canary pass, then
 * the real one) to support codecs. The contract has no codecs (shared/src/api: no transform,
 * pipe or codec), so a plain parse checks exactly the same at half the cost: 33 ms instead of
 * 70 ms for the 6 MB overview of 5,000 teams (docs/benchmarks.md).
 */
export const responseSerializer: FastifySerializerCompiler<ZodType> = ({ schema, method, url }) => {
  // Checked when the route is registered: a route with another kind of schema fails at start.
  if (!(schema instanceof ZodType)) throw new Error(`${method} ${url}: response schemas must be zod schemas`);
  return (data) => {
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
