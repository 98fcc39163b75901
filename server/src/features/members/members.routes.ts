import { zErrorBody, zImportQuery, zImportResult, zMembersQuery, zMembersResponse } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { teamScope } from '../../plugins/scope.js';
import { importMembers } from './members.import.js';
import { listMembers } from './members.service.js';

/** 50,000 rows with long names stay well inside this. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
const errors = { 400: zErrorBody };

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated: only this plugin's routes accept CSV bodies, as text.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/members',
    {
      onRequest: app.requireRole('admin', 'hr', 'leader'),
      schema: {
        tags: ['organisation'],
        summary: 'People in the organisation (a leader gets only their subtree), with search',
        querystring: zMembersQuery,
        response: { 200: zMembersResponse, ...errors, 404: zErrorBody },
      },
    },
    async (request) => {
      const scope = await teamScope(app.db, request.user!);
      const { q, teamId, includeInactive, limit } = request.query;
      return listMembers(app.db, scope, { q: q || undefined, teamId, includeInactive: includeInactive === 'true', limit });
    },
  );

  app.post(
    '/members/import',
    {
      onRequest: app.requireRole('admin', 'hr'),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['organisation'],
        summary: 'Import members from CSV (email,name,team,role), all or nothing',
        consumes: ['text/csv'],
        querystring: zImportQuery,
        body: z.string(),
        response: { 200: zImportResult, ...errors, 413: zErrorBody, 415: zErrorBody },
      },
    },
    async (request) =>
      importMembers(app.db, request.user!, request.body, {
        dryRun: request.query.dryRun === 'true',
        deactivateMissing: request.query.deactivateMissing === 'true',
      }),
  );
};
