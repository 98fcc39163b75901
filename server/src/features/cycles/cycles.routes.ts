import { zErrorBody } from '@pulse/shared';
import { zCycleCreate, zCycleEnvelope, zCycleExtend, zCycleList, zCycleParams, zParticipation } from '@pulse/shared/api/cycles';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/audit.service.js';
import { deliverDigests } from '../digests/digests.service.js';
import { closeCycle, createCycleAndOpenIfDue, extendCycle, listCycles } from './cycles.service.js';
import { participationOf } from './participation.service.js';

/** Pulse cycles, for admin and HR (contract: shared/src/api/cycles.ts). */
export const cyclesRoutes: FastifyPluginAsyncZod = async (app) => {
  const onRequest = app.requireRole('admin', 'hr');

  app.post(
    '/cycles',
    {
      onRequest,
      schema: {
        tags: ['cycles'],
        summary: 'Create a pulse cycle; it opens (and mails its invitations) at opensAt',
        body: zCycleCreate,
        response: { 201: zCycleEnvelope, 400: zErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = { db: app.db, mailer: app.mailer, publicUrl: app.config.publicUrl, log: request.log, chat: app.config };
      const cycle = await createCycleAndOpenIfDue(ctx, request.body, new Date());
      await recordAudit(app.db, request.user, 'cycles.create', cycle.id, { label: cycle.label, status: cycle.status });
      return reply.status(201).send({ cycle });
    },
  );

  app.get(
    '/cycles',
    {
      onRequest,
      schema: {
        tags: ['cycles'],
        summary: 'Every cycle with its invited and responded counts',
        response: { 200: zCycleList },
      },
    },
    async () => ({ cycles: await listCycles(app.db) }),
  );

  app.get(
    '/cycles/:id/participation',
    {
      onRequest,
      schema: {
        tags: ['cycles'],
        summary: "Invited and answered per team, as of the cycle's latest daily count (how many, never who)",
        params: zCycleParams,
        response: { 200: zParticipation, 400: zErrorBody, 404: zErrorBody },
      },
    },
    async (request) => participationOf(app.db, request.params.id, app.config),
  );

  app.post(
    '/cycles/:id/close',
    {
      onRequest,
      schema: {
        tags: ['cycles'],
        summary: 'Close a cycle: answering stops and its results are finalised',
        params: zCycleParams,
        response: { 200: zCycleEnvelope, 400: zErrorBody, 404: zErrorBody },
      },
    },
    async (request) => {
      const cycle = await closeCycle(app.db, request.params.id, new Date(), app.config);
      // The close has committed: leaders with new or escalated alerts get their digest now.
      await deliverDigests(
        { db: app.db, mailer: app.mailer, publicUrl: app.config.publicUrl, log: request.log, chat: app.config },
        new Date(),
      );
      await recordAudit(app.db, request.user, 'cycles.close', cycle.id, { label: cycle.label });
      return { cycle };
    },
  );

  app.post(
    '/cycles/:id/extend',
    {
      onRequest,
      schema: {
        tags: ['cycles'],
        summary: 'Keep a scheduled or open cycle open until a later time',
        params: zCycleParams,
        body: zCycleExtend,
        response: { 200: zCycleEnvelope, 400: zErrorBody, 404: zErrorBody, 409: zErrorBody },
      },
    },
    async (request) => {
      const cycle = await extendCycle(app.db, request.params.id, new Date(request.body.closesAt), new Date());
      await recordAudit(app.db, request.user, 'cycles.extend', cycle.id, { label: cycle.label, closesAt: cycle.closesAt });
      return { cycle };
    },
  );
};
