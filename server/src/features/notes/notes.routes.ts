import { zErrorBody } from '@pulse/shared';
import { zNoteBody, zNoteParams, zNoteResponse, zNoteSaved } from '@pulse/shared/api/notes';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { teamScope } from '../../plugins/scope.js';
import { noteFor, writeNote } from './notes.service.js';

const errors = { 400: zErrorBody, 404: zErrorBody, 409: zErrorBody };

/** A leader's (or HR's) note to the team about a closed cycle, shown on the members' results page. */
export const notesRoutes: FastifyPluginAsyncZod = async (app) => {
  const writers = app.requireRole('hr', 'leader');

  app.get(
    '/teams/:id/notes/:cycleId',
    {
      onRequest: writers,
      schema: {
        tags: ['notes'],
        summary: "The team's note about a closed cycle, or null",
        params: zNoteParams,
        response: { 200: zNoteResponse, ...errors },
      },
    },
    async (request) => ({ note: await noteFor(app.db, await teamScope(app.db, request.user!), request.params.id, request.params.cycleId) }),
  );

  app.put(
    '/teams/:id/notes/:cycleId',
    {
      onRequest: writers,
      schema: {
        tags: ['notes'],
        summary: 'Write the team a note about a closed cycle; the first one is mailed to the team once; audited',
        params: zNoteParams,
        body: zNoteBody,
        response: { 200: zNoteSaved, ...errors },
      },
    },
    async (request) =>
      writeNote(
        app.db,
        app.mailer,
        request.user!,
        await teamScope(app.db, request.user!),
        request.params.id,
        request.params.cycleId,
        request.body.body,
        new Date(),
      ),
  );
};
