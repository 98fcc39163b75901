import { zErrorBody, zTeamParams } from '@pulse/shared';
import {
  zCustomerImportQuery,
  zCustomerImportResult,
  zCustomerMapResponse,
  zCustomersBody,
  zCustomersResponse,
} from '@pulse/shared/api/customers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { teamScope } from '../../plugins/scope.js';
import { customerMap, customersOf, importCustomerMap, setCustomers } from './customers.service.js';

/** A map of thousands of relationships stays well inside this. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;
const errors = { 400: zErrorBody, 404: zErrorBody };

/** The internal customer map (contract: shared/src/api/customers.ts). */
export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated: only this plugin's routes (and the member import's) read CSV bodies.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );
  const editors = app.requireRole('admin', 'hr', 'leader');

  app.get(
    '/teams/:id/customers',
    {
      onRequest: editors,
      schema: {
        tags: ['customers'],
        summary: 'The teams this team serves, each drive-thru or strategic (a leader: teams in their subtree)',
        params: zTeamParams,
        response: { 200: zCustomersResponse, ...errors },
      },
    },
    async (request) => ({ customers: await customersOf(app.db, await teamScope(app.db, request.user!), request.params.id) }),
  );

  app.put(
    '/teams/:id/customers',
    {
      onRequest: editors,
      schema: {
        tags: ['customers'],
        summary: "Replace the team's customers (its leader, HR or an admin)",
        params: zTeamParams,
        body: zCustomersBody,
        response: { 200: zCustomersResponse, ...errors },
      },
    },
    async (request) => ({
      customers: await setCustomers(app.db, request.user!, await teamScope(app.db, request.user!), request.params.id, request.body),
    }),
  );

  app.get(
    '/customer-map',
    {
      onRequest: editors,
      schema: {
        tags: ['customers'],
        summary: 'Every relationship of the customer map (a leader: those of the teams in their subtree), and every live team by path',
        response: { 200: zCustomerMapResponse, ...errors },
      },
    },
    async (request) => customerMap(app.db, await teamScope(app.db, request.user!)),
  );

  app.post(
    '/customer-map/import',
    {
      onRequest: app.requireRole('admin', 'hr'),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['customers'],
        summary: 'Import relationships from CSV (provider,customer,relationship), all or nothing',
        consumes: ['text/csv'],
        querystring: zCustomerImportQuery,
        body: z.string(),
        response: { 200: zCustomerImportResult, ...errors, 413: zErrorBody, 415: zErrorBody },
      },
    },
    async (request) => importCustomerMap(app.db, request.user!, request.body, { dryRun: request.query.dryRun === 'true' }),
  );
};
