import { zErrorBody, zTeamParams } from '@pulse/shared';
import { zTeamValues } from '@pulse/shared/api/values';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { teamScope } from '../../plugins/scope.js';
import { setTeamValues, teamValues } from './values.service.js';

const errors = { 400: zErrorBody, 404: zErrorBody };

/** A team's shared values, "X even at the cost of Y", shown above one item of its pulse. */
export const valuesRoutes: FastifyPluginAsyncZod = async (app) => {
  const editors = app.requireRole('admin', 'hr', 'leader');

  app.get(
    '/teams/:id/values',
    {
      onRequest: editors,
      schema: {
        tags: ['values'],
        summary: "The team's shared values (a leader: teams in their subtree)",
        params: zTeamParams,
        response: { 200: zTeamValues, ...errors },
      },
    },
    async (request) => ({ values: await teamValues(app.db, await teamScope(app.db, request.user!), request.params.id) }),
  );

  app.put(
    '/teams/:id/values',
    {
      onRequest: editors,
      schema: {
        tags: ['values'],
        summary: 'Replace the team\'s values: at most three, each "X even at the cost of Y"',
        params: zTeamParams,
        body: zTeamValues,
        response: { 200: zTeamValues, ...errors },
      },
    },
    async (request) => ({
      values: await setTeamValues(app.db, request.user!, await teamScope(app.db, request.user!), request.params.id, request.body.values),
    }),
  );
};
