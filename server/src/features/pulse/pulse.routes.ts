import { zErrorBody } from '@pulse/shared';
import { zPulse, zPulseParams, zPulseReceived, zPulseSubmission } from '@pulse/shared/api/pulse';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getPulse, submitPulse } from './pulse.service.js';

/**
 * The token is the respondent's credential, and the client's address could tell who answered:
 * neither goes into the logs.
 */
const logSerializers = {
  req: (request: FastifyRequest) => ({ method: request.method, url: request.url.replace(/\/pulse\/[^/?]+/, '/pulse/[token]') }),
};

/** 400: a link that is not valid percent-encoding; 403 (answering): a foreign Origin. */
const errors = { 400: zErrorBody, 404: zErrorBody, 409: zErrorBody, 410: zErrorBody };

/** Answering a pulse: no login, the link's token is the credential. */
export const pulseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pulse/:token',
    {
      logSerializers,
      schema: {
        tags: ['pulse'],
        summary: 'The pulse a personal link opens',
        params: zPulseParams,
        response: { 200: zPulse, ...errors },
      },
    },
    async (request) => getPulse(app.db, request.params.token, new Date()),
  );

  app.post(
    '/pulse/:token',
    {
      logSerializers,
      schema: {
        tags: ['pulse'],
        summary: 'Answer a pulse, once',
        params: zPulseParams,
        body: zPulseSubmission,
        response: { 201: zPulseReceived, 403: zErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      await submitPulse(app.db, request.params.token, request.body, new Date());
      return reply.status(201).send({ status: 'received' as const });
    },
  );
};
