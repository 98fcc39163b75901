import { zErrorBody, zScimTokenBody, zScimTokenCreated, zScimTokenParams } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { hashToken, newToken } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { deleteScimToken, insertScimToken } from './scim.repository.js';

/** Bearer tokens for the identity provider's SCIM client: shown once, stored hashed, audited. */
export const scimTokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/scim-tokens',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['scim'],
        summary: 'Create a SCIM bearer token (shown this once)',
        body: zScimTokenBody,
        response: { 201: zScimTokenCreated, 400: zErrorBody },
      },
    },
    async (request, reply) => {
      const token = newToken();
      const id = await insertScimToken(app.db, request.body.name, hashToken(token), request.user!.id);
      await recordAudit(app.db, request.user, 'scim_token.create', id, { name: request.body.name });
      return reply.status(201).send({ id, name: request.body.name, token });
    },
  );

  app.delete(
    '/scim-tokens/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['scim'],
        summary: 'Revoke a SCIM token (its provider is refused at once)',
        params: zScimTokenParams,
        response: { 204: z.null(), 400: zErrorBody, 404: zErrorBody },
      },
    },
    async (request, reply) => {
      const name = await deleteScimToken(app.db, request.params.id);
      if (name === undefined) throw notFound('scimToken');
      await recordAudit(app.db, request.user, 'scim_token.revoke', request.params.id, { name });
      return reply.status(204).send(null);
    },
  );
};
