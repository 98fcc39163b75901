import { zErrorBody, zTeamParams } from '@pulse/shared';
import {
  zActionParams,
  zActionResponse,
  zActionsQuery,
  zActionsResponse,
  zCreateActionBody,
  zTeamActionsResponse,
  zUpdateActionBody,
} from '@pulse/shared/api/actions';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { teamScope } from '../../plugins/scope.js';
import { actionsInScope, changeAction, createAction, teamActions } from './actions.service.js';

const errors = { 400: zErrorBody, 404: zErrorBody };

/** Actions: a team's committed answer to an alert or a need, with the team's feedback and the effect on its construct. */
export const actionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const viewers = app.requireRole('admin', 'hr', 'leader');

  app.get(
    '/teams/:id/actions',
    {
      onRequest: viewers,
      schema: {
        tags: ['actions'],
        summary: "The team's actions, newest first, each with its effect and feedback, and who may own them",
        params: zTeamParams,
        response: { 200: zTeamActionsResponse, ...errors },
      },
    },
    async (request) => teamActions(app.db, app.config, await teamScope(app.db, request.user!), request.params.id, new Date()),
  );

  app.post(
    '/teams/:id/actions',
    {
      onRequest: viewers,
      schema: {
        tags: ['actions'],
        summary: 'Commit the team to an action (a leader: teams in their subtree); audited',
        params: zTeamParams,
        body: zCreateActionBody,
        response: { 201: zActionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const action = await createAction(
        app.db,
        app.config,
        request.user!,
        await teamScope(app.db, request.user!),
        request.params.id,
        request.body,
        new Date(),
      );
      return reply.code(201).send({ action });
    },
  );

  app.patch(
    '/actions/:id',
    {
      onRequest: viewers,
      schema: {
        tags: ['actions'],
        summary: 'Change an action: planned → in_progress → done, or dropped with a reason in `note`; audited',
        params: zActionParams,
        body: zUpdateActionBody,
        response: { 200: zActionResponse, ...errors, 409: zErrorBody },
      },
    },
    async (request) => ({
      action: await changeAction(
        app.db,
        app.config,
        request.user!,
        await teamScope(app.db, request.user!),
        request.params.id,
        request.body,
        new Date(),
      ),
    }),
  );

  app.get(
    '/actions',
    {
      onRequest: viewers,
      schema: {
        tags: ['actions'],
        summary: 'Every action in scope: overdue first, then open ones by due date, then finished ones',
        querystring: zActionsQuery,
        response: { 200: zActionsResponse, ...errors },
      },
    },
    async (request) => ({
      actions: await actionsInScope(app.db, app.config, await teamScope(app.db, request.user!), request.query.status, new Date()),
    }),
  );
};
