import { zErrorBody, zOutboxMessageDetail, zOutboxParams, zOutboxResponse } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.js';
import { listOutbox, readOutboxMessage } from './outbox.service.js';

/** Embedded mail mode: the admin reads what would have been sent, links included. */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = app.requireRole('admin');

  app.get(
    '/outbox',
    {
      onRequest: admin,
      schema: { tags: ['mail'], summary: 'Messages in the embedded outbox, newest first', response: { 200: zOutboxResponse } },
    },
    async () => {
      if (app.mailer.mode === 'smtp') return { mode: 'smtp' as const, messages: [], total: 0 };
      return { mode: 'outbox' as const, ...(await listOutbox(app.mailer.outboxDir)) };
    },
  );

  app.get(
    '/outbox/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['mail'],
        summary: 'One outbox message with its text and links',
        params: zOutboxParams,
        response: { 200: zOutboxMessageDetail, 400: zErrorBody, 404: zErrorBody },
      },
    },
    async (request) => {
      if (app.mailer.mode === 'smtp') throw notFound('message');
      return readOutboxMessage(app.mailer.outboxDir, request.params.id);
    },
  );
};
