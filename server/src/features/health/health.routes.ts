import { zHealth, zHealthUnavailable } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDatabase } from '../../plugins/database.js';
import { RETRY_AFTER_SECONDS } from '../../plugins/errors.js';

/** Well inside the 2 s a load balancer or the check allows. */
const PING_TIMEOUT_MS = 1_200;

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: { 200: zHealth, 503: zHealthUnavailable },
      },
    },
    async (_request, reply) => {
      if (await pingDatabase(app.db, PING_TIMEOUT_MS)) return { status: 'ok' as const, database: 'ok' as const };
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.status(503).send({
        status: 'unavailable' as const,
        database: 'unavailable' as const,
        error: { code: 'database_unavailable', message: 'The database cannot be reached.' },
      });
    },
  );
};
