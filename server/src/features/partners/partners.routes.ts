import { zErrorBody } from '@pulse/shared';
import { zMatrixQuery, zMatrixResponse } from '@pulse/shared/api/partners';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { matrixFor } from './partners.service.js';

const errors = { 400: zErrorBody, 404: zErrorBody };

/** Partner ratings across the organisation: the provider × customer matrix (admin, hr). */
export const partnersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/partners/matrix',
    {
      // Cells name the rating team, so only those who see the whole organisation get them;
      // a leader sees their teams' partner line in the trends.
      onRequest: app.requireRole('admin', 'hr'),
      schema: {
        tags: ['partners'],
        summary: 'Partner-rated responsiveness, providers × customer teams, for one closed cycle; cells below the threshold stay blank',
        querystring: zMatrixQuery,
        response: { 200: zMatrixResponse, ...errors },
      },
    },
    async (request) => matrixFor(app.db, app.config, request.query.cycleId),
  );
};
