import { zErrorBody } from '@pulse/shared';
import { zPulse, zPulseParams, zPulseQuery, zPulseReceived, zPulseSubmission } from '@pulse/shared/api/pulse';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getPulse, submitPulse } from './pulse.service.js';

/** 400: a link that is not valid percent-encoding; 403 (answering): a foreign Origin. */
const errors = { 400: zErrorBody, 404: zErrorBody, 409: zErrorBody, 410: zErrorBody };

/**
 * Answering a pulse: no login, the link's token is the credential. Neither the token nor the
 * client's address reaches the logs (server/src/logging.ts).
 */
export const pulseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pulse/:token',
    {
      schema: {
        tags: ['pulse'],
        summary: 'The pulse a personal link opens',
        params: zPulseParams,
        querystring: zPulseQuery,
        response: { 200: zPulse, ...errors },
      },
    },
    async (request) =>
      getPulse(app.db, request.params.token, new Date(), { lang: request.query.lang, acceptLanguage: request.headers['accept-language'] }),
  );

  app.post(
    '/pulse/:token',
    {
      schema: {
        tags: ['pulse'],
        summary: 'Answer a pulse, once (`?lang=`: the language the page was read in, counted per cycle)',
        params: zPulseParams,
        querystring: zPulseQuery,
        body: zPulseSubmission,
        response: { 201: zPulseReceived, 403: zErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const asked = { lang: request.query.lang, acceptLanguage: request.headers['accept-language'] };
      const received = await submitPulse(app.db, request.params.token, request.body, new Date(), asked);
      return reply.status(201).send({ status: 'received' as const, ...received });
    },
  );
};
