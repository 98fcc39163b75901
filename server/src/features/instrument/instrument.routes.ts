import { zErrorBody } from '@pulse/shared';
import { zDriversQuery, zDriversResponse, zReliabilityQuery, zReliabilityResponse } from '@pulse/shared/api/scales';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { driversFor, reliabilityFor } from './instrument.service.js';

const errors = { 400: zErrorBody, 404: zErrorBody };

/** The instrument's own statistics, organisation-wide: HR and admins only. */
export const instrumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const managers = app.requireRole('admin', 'hr');

  app.get(
    '/instrument/reliability',
    {
      onRequest: managers,
      schema: {
        tags: ['instrument'],
        summary:
          "Each construct's Cronbach's α and McDonald's ω with 95% intervals and its items' corrected item–total correlations, for the organisation and subtrees of at least 100 respondents (default: the latest closed cycle)",
        querystring: zReliabilityQuery,
        response: { 200: zReliabilityResponse, ...errors },
      },
    },
    async (request) => reliabilityFor(app.db, request.query.cycleId),
  );

  app.get(
    '/instrument/drivers',
    {
      onRequest: managers,
      schema: {
        tags: ['instrument'],
        summary:
          "Johnson's relative weights of autonomy, competence, relatedness and openness in explaining eNPS, with bootstrap 95% intervals, for the organisation or a subtree of at least 100 respondents (`teamId`)",
        querystring: zDriversQuery,
        response: { 200: zDriversResponse, ...errors },
      },
    },
    async (request) => driversFor(app.db, request.query),
  );
};
