import { zErrorBody } from '@pulse/shared';
import { zPulseParams } from '@pulse/shared/api/pulse';
import { zPulseResults } from '@pulse/shared/api/results';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resultsForLink } from './results.service.js';

/**
 * A member's results, from their own pulse link (no login, the token is the credential, kept out
 * of the logs like the pulse routes'). The link opens its own cycle's team results and nothing else.
 */
export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pulse/:token/results',
    {
      schema: {
        tags: ['pulse'],
        summary: "The team's published results for the link's cycle, the same whether or not the link answered",
        params: zPulseParams,
        response: { 200: zPulseResults, 400: zErrorBody, 404: zErrorBody },
      },
    },
    async (request) => resultsForLink(app.db, app.config, request.params.token),
  );
};
