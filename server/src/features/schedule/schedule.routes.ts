import { zErrorBody } from '@pulse/shared';
import { zSchedule, zScheduleState } from '@pulse/shared/api/schedule';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/audit.service.js';
import { getScheduleState, saveSchedule } from './schedule.service.js';

/** The monthly pulse rhythm, for admin and HR. */
export const scheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  const onRequest = app.requireRole('admin', 'hr');

  app.get(
    '/schedule',
    {
      onRequest,
      schema: { tags: ['cycles'], summary: 'The monthly pulse schedule', response: { 200: zScheduleState } },
    },
    async () => getScheduleState(app.db, new Date()),
  );

  app.put(
    '/schedule',
    {
      onRequest,
      schema: {
        tags: ['cycles'],
        summary: 'Set the monthly pulse schedule; it applies from the next opening',
        body: zSchedule,
        response: { 200: zScheduleState, 400: zErrorBody },
      },
    },
    async (request) => {
      const state = await saveSchedule(app.db, request.body, new Date());
      await recordAudit(app.db, request.user, 'schedule.update', null, { ...request.body });
      return state;
    },
  );
};
