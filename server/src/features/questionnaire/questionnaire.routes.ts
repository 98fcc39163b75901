import { zErrorBody } from '@pulse/shared';
import {
  zCustomItemCreate,
  zCustomItemParams,
  zCustomItemResponse,
  zCustomItemUpdate,
  zEnpsSetting,
  zInstrument,
} from '@pulse/shared/api/questionnaire';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addItem, instrument, retireItem, setEnps, updateItem } from './questionnaire.service.js';

const errors = { 400: zErrorBody };

/**
 * The instrument: eNPS on or off and HR's own questions. Every change makes a new questionnaire
 * version for cycles created from then on; cycles and responses keep theirs.
 */
export const questionnaireRoutes: FastifyPluginAsyncZod = async (app) => {
  const hr = app.requireRole('admin', 'hr');

  app.get(
    '/questionnaire/items',
    {
      onRequest: hr,
      schema: { tags: ['questionnaire'], summary: 'eNPS on or off, and every question of your own', response: { 200: zInstrument } },
    },
    async () => instrument(app.db),
  );

  app.post(
    '/questionnaire/items',
    {
      onRequest: hr,
      schema: {
        tags: ['questionnaire'],
        summary: `Add a question (agreement 1–5 or 0–10), for everyone or chosen teams; at most five active (409)`,
        body: zCustomItemCreate,
        response: { 201: zCustomItemResponse, 409: zErrorBody, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await addItem(app.db, request.user!, request.body)),
  );

  app.patch(
    '/questionnaire/items/:id',
    {
      onRequest: hr,
      schema: {
        tags: ['questionnaire'],
        summary: 'Reword a question or change its teams: same id, a new questionnaire version',
        params: zCustomItemParams,
        body: zCustomItemUpdate,
        response: { 200: zCustomItemResponse, 404: zErrorBody, 409: zErrorBody, ...errors },
      },
    },
    async (request) => updateItem(app.db, request.user!, request.params.id, request.body),
  );

  app.post(
    '/questionnaire/items/:id/retire',
    {
      onRequest: hr,
      schema: {
        tags: ['questionnaire'],
        summary: 'Retire a question: cycles created from now on no longer ask it',
        params: zCustomItemParams,
        response: { 200: zCustomItemResponse, 404: zErrorBody, 409: zErrorBody, ...errors },
      },
    },
    async (request) => retireItem(app.db, request.user!, request.params.id, new Date()),
  );

  app.put(
    '/questionnaire/enps',
    {
      onRequest: hr,
      schema: {
        tags: ['questionnaire'],
        summary: 'Ask eNPS in cycles created from now on, or stop asking it',
        body: zEnpsSetting,
        response: { 200: zInstrument, ...errors },
      },
    },
    async (request) => setEnps(app.db, request.user!, request.body.enabled),
  );
};
