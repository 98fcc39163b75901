import {
  zCommentsQuery,
  zCommentsResponse,
  zErrorBody,
  zOverviewQuery,
  zOverviewResponse,
  type OverviewResponse,
  zOverviewSearchQuery,
  zOverviewTeamsQuery,
  zOverviewWorstQuery,
  zTeamParams,
  zTrendsQuery,
  zTrendsResponse,
} from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { teamScope } from '../../plugins/scope.js';
import { commentsFor, overviewFor, trendsFor } from './insights-read.service.js';
import { overviewFileName, overviewStream } from './overview-download.js';
import { overviewSearch, overviewTeams, overviewWorst } from './overview-views.service.js';

const errors = { 400: zErrorBody, 404: zErrorBody };

export const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const readers = app.requireRole('admin', 'hr', 'leader');

  app.get(
    '/teams/:id/trends',
    {
      onRequest: readers,
      schema: {
        tags: ['insights'],
        summary: "A team's scores across cycles, with CIs; suppressed points carry only a reason",
        params: zTeamParams,
        querystring: zTrendsQuery,
        response: { 200: zTrendsResponse, ...errors },
      },
    },
    async (request) => trendsFor(app.db, app.config, await teamScope(app.db, request.user!), request.params.id, request.query),
  );

  app.get(
    '/overview',
    {
      onRequest: readers,
      schema: {
        tags: ['insights'],
        summary: 'One row per visible team for a cycle (default: the latest closed one); `download=true` streams it as an attachment',
        querystring: zOverviewQuery,
        response: { 200: zOverviewResponse, ...errors },
      },
    },
    async (request, reply) => {
      const overview = await overviewFor(app.db, app.config, await teamScope(app.db, request.user!), request.query.cycleId);
      if (request.query.download !== 'true') return overview;
      reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${overviewFileName(overview)}"`)
        .header('cache-control', 'no-store');
      // Fastify sends a stream as it is; each row was checked against the contract on its way.
      return reply.send(overviewStream(overview) as unknown as OverviewResponse);
    },
  );

  app.get(
    '/overview/teams',
    {
      onRequest: readers,
      schema: {
        tags: ['insights'],
        summary: "The viewer's top teams and their sub-teams, or one team's sub-teams (`parent`), each row as GET /overview has it",
        querystring: zOverviewTeamsQuery,
        response: { 200: zOverviewResponse, ...errors },
      },
    },
    async (request) => overviewTeams(app.db, app.config, await teamScope(app.db, request.user!), request.query),
  );

  app.get(
    '/overview/search',
    {
      onRequest: readers,
      schema: {
        tags: ['insights'],
        summary: 'Teams in scope whose name contains `q`, by name, at most `limit`',
        querystring: zOverviewSearchQuery,
        response: { 200: zOverviewResponse, ...errors },
      },
    },
    async (request) => overviewSearch(app.db, app.config, await teamScope(app.db, request.user!), request.query),
  );

  app.get(
    '/overview/worst',
    {
      onRequest: readers,
      schema: {
        tags: ['insights'],
        summary: 'Worst first: the fortress watch (`view=fortress`) or the lowest participation (`view=participation`), at most `limit`',
        querystring: zOverviewWorstQuery,
        response: { 200: zOverviewResponse, ...errors },
      },
    },
    async (request) => overviewWorst(app.db, app.config, await teamScope(app.db, request.user!), request.query),
  );

  app.get(
    '/teams/:id/comments',
    {
      onRequest: readers,
      schema: {
        tags: ['insights'],
        summary: "A team's comments for a cycle, only where its group reaches the threshold",
        params: zTeamParams,
        querystring: zCommentsQuery,
        response: { 200: zCommentsResponse, ...errors },
      },
    },
    async (request) => commentsFor(app.db, app.config, await teamScope(app.db, request.user!), request.params.id, request.query.cycleId),
  );
};
