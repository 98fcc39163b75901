import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashToken } from '../../plugins/auth.js';
import { handleScimError, ScimError } from './scim.errors.js';
import * as groups from './scim.groups.js';
import { useScimToken } from './scim.repository.js';
import { zScimError, zScimGroupBody, zScimIdParams, zScimListQuery, zScimPatchBody, zScimResource, zScimUserBody } from './scim.schemas.js';
import * as users from './scim.users.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The SCIM token a /scim/v2 request came with (its id and name, never the token). */
    scimClient: users.ScimClient | null;
  }
}

const errors = { 400: zScimError, 401: zScimError, 404: zScimError, 409: zScimError, 415: zScimError, 500: zScimError, 503: zScimError };
const tags = ['scim'];

/**
 * SCIM 2.0 (RFC 7643/7644) for the company's identity provider: Users are people (userName is
 * the email), Groups are teams. Every request needs `Authorization: Bearer <token>` with a token
 * an admin created (POST /api/v1/scim-tokens); every error is a SCIM Error.
 */
export const scimRoutes: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler(handleScimError);
  app.addContentTypeParser('application/scim+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.decorateRequest('scimClient', null);
  app.addHook('onRequest', async (request) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const client = match ? await useScimToken(app.db, hashToken(match[1]!)) : undefined;
    if (!client) throw new ScimError(401, 'A valid bearer token is required.');
    request.scimClient = client;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.type('application/scim+json; charset=utf-8');
    return payload;
  });

  app.get(
    '/Users',
    {
      schema: {
        tags,
        summary: 'List users (filter userName eq "…" or externalId eq "…")',
        querystring: zScimListQuery,
        response: { 200: zScimResource, ...errors },
      },
    },
    async (request) => users.listUsers(app, request.query),
  );
  app.get(
    '/Users/:id',
    { schema: { tags, summary: 'One user', params: zScimIdParams, response: { 200: zScimResource, ...errors } } },
    async (request) => users.getUser(app, request.params.id),
  );
  app.post(
    '/Users',
    { schema: { tags, summary: 'Create a member', body: zScimUserBody, response: { 201: zScimResource, ...errors } } },
    async (request, reply) => reply.status(201).send(await users.createUser(app, request.scimClient!, request.body)),
  );
  app.put(
    '/Users/:id',
    {
      schema: { tags, summary: 'Replace a user', params: zScimIdParams, body: zScimUserBody, response: { 200: zScimResource, ...errors } },
    },
    async (request) => users.replaceUser(app, request.scimClient!, request.params.id, request.body),
  );
  app.patch(
    '/Users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (active, names)',
        params: zScimIdParams,
        body: zScimPatchBody,
        response: { 200: zScimResource, ...errors },
      },
    },
    async (request) => users.patchUser(app, request.scimClient!, request.params.id, request.body.Operations),
  );
  app.delete(
    '/Users/:id',
    { schema: { tags, summary: 'Deactivate a user (sessions end)', params: zScimIdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await users.deleteUser(app, request.scimClient!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/Groups',
    {
      schema: {
        tags,
        summary: 'List groups (teams; filter displayName eq "…")',
        querystring: zScimListQuery,
        response: { 200: zScimResource, ...errors },
      },
    },
    async (request) => groups.listGroups(app, request.query),
  );
  app.get(
    '/Groups/:id',
    { schema: { tags, summary: 'One group', params: zScimIdParams, response: { 200: zScimResource, ...errors } } },
    async (request) => groups.getGroup(app, request.params.id),
  );
  app.post(
    '/Groups',
    { schema: { tags, summary: 'Create a group (a top-level team)', body: zScimGroupBody, response: { 201: zScimResource, ...errors } } },
    async (request, reply) => reply.status(201).send(await groups.createGroup(app, request.scimClient!, request.body)),
  );
  app.put(
    '/Groups/:id',
    {
      schema: {
        tags,
        summary: 'Replace a group',
        params: zScimIdParams,
        body: zScimGroupBody,
        response: { 200: zScimResource, ...errors },
      },
    },
    async (request) => groups.replaceGroup(app, request.scimClient!, request.params.id, request.body),
  );
  app.patch(
    '/Groups/:id',
    {
      schema: {
        tags,
        summary: 'Add or remove members, rename',
        params: zScimIdParams,
        body: zScimPatchBody,
        response: { 200: zScimResource, ...errors },
      },
    },
    async (request) => groups.patchGroup(app, request.scimClient!, request.params.id, request.body.Operations),
  );
  app.delete(
    '/Groups/:id',
    { schema: { tags, summary: 'Archive a group (its team)', params: zScimIdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await groups.deleteGroup(app, request.scimClient!, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
