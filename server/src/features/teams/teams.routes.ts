import { zCreateTeamBody, zErrorBody, zTeamParams, zTeamResponse, zTeamsQuery, zTeamsResponse, zUpdateTeamBody } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { teamScope } from '../../plugins/scope.js';
import { createTeam, deleteTeam, listTeams, updateTeam } from './teams.service.js';

const errors = { 400: zErrorBody };

export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  const managers = app.requireRole('admin', 'hr');

  app.get(
    '/teams',
    {
      onRequest: app.requireRole('admin', 'hr', 'leader'),
      schema: {
        tags: ['organisation'],
        summary: 'The organisation tree (a leader gets only their subtree)',
        querystring: zTeamsQuery,
        response: { 200: zTeamsResponse, ...errors },
      },
    },
    async (request) => {
      const scope = await teamScope(app.db, request.user!);
      return { teams: await listTeams(app.db, scope, request.query.includeArchived === 'true') };
    },
  );

  app.post(
    '/teams',
    {
      onRequest: managers,
      schema: {
        tags: ['organisation'],
        summary: 'Create a team, at the top level or beneath a parent',
        body: zCreateTeamBody,
        response: { 201: zTeamResponse, ...errors, 409: zErrorBody },
      },
    },
    async (request, reply) => reply.status(201).send({ team: await createTeam(app.db, request.user!, request.body) }),
  );

  app.patch(
    '/teams/:id',
    {
      onRequest: managers,
      schema: {
        tags: ['organisation'],
        summary: 'Rename, move, archive or restore a team, or set its leaders',
        params: zTeamParams,
        body: zUpdateTeamBody,
        response: { 200: zTeamResponse, ...errors, 404: zErrorBody, 409: zErrorBody },
      },
    },
    async (request) => ({ team: await updateTeam(app.db, request.user!, request.params.id, request.body) }),
  );

  app.delete(
    '/teams/:id',
    {
      onRequest: managers,
      schema: {
        tags: ['organisation'],
        summary: 'Delete a team without history (otherwise 409: archive it)',
        params: zTeamParams,
        response: { 204: z.null(), ...errors, 404: zErrorBody, 409: zErrorBody },
      },
    },
    async (request, reply) => {
      await deleteTeam(app.db, request.user!, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
