import { zAcknowledgeBody, zAlertParams, zAlertResponse, zAlertsQuery, zAlertsResponse, zErrorBody } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { teamScope } from '../../plugins/scope.js';
import { acknowledgeAlert, alertsPage } from './alerts.service.js';

const errors = { 400: zErrorBody, 404: zErrorBody };

export const alertsRoutes: FastifyPluginAsyncZod = async (app) => {
  const readers = app.requireRole('admin', 'hr', 'leader');

  app.get(
    '/alerts',
    {
      onRequest: readers,
      schema: {
        tags: ['insights'],
        summary: 'Early-warning alerts of the teams in scope: filtered, sorted, paged with `limit` and `after`, with counts per level',
        querystring: zAlertsQuery,
        response: { 200: zAlertsResponse, ...errors },
      },
    },
    async (request) => alertsPage(app.db, await teamScope(app.db, request.user!), request.query),
  );

  app.post(
    '/alerts/:id/acknowledge',
    {
      onRequest: readers,
      schema: {
        tags: ['insights'],
        summary: 'Acknowledge an alert with a note (it reopens if it escalates)',
        params: zAlertParams,
        body: zAcknowledgeBody,
        response: { 200: zAlertResponse, ...errors, 409: zErrorBody },
      },
    },
    async (request) => ({
      alert: await acknowledgeAlert(app.db, await teamScope(app.db, request.user!), request.user!, request.params.id, request.body),
    }),
  );
};
