import { zAuditQuery, zAuditResponse, zErrorBody, type AuditEntry } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit } from './audit.repository.js';

const DEFAULT_LIMIT = 50;

/** The audit log is read-only here: there is no route that edits or deletes an entry. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      onRequest: app.requireRole('admin', 'hr'),
      schema: {
        tags: ['audit'],
        summary: 'Who did what and when, newest first',
        querystring: zAuditQuery,
        response: { 200: zAuditResponse, 400: zErrorBody },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? DEFAULT_LIMIT;
      const rows = await listAudit(app.db, { limit, before: request.query.before, action: request.query.action || undefined });
      const entries: AuditEntry[] = rows.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorEmail: r.actor_email,
        action: r.action,
        target: r.target,
        details: r.details,
      }));
      const last = entries.at(-1);
      return { entries, nextBefore: entries.length === limit && last ? last.id : null };
    },
  );
};
