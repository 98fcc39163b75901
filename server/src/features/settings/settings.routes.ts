import { zDefaultLanguageBody, zErrorBody, zSettings, zUpdateSettingsBody } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateSettings } from '../close/threshold.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { DEFAULT_LANGUAGE_KEY, getDefaultLanguage, getSettings, writeDefaultLanguage } from './settings.service.js';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/settings',
    {
      onRequest: app.requireRole('admin', 'hr', 'leader'),
      schema: { tags: ['settings'], summary: 'Installation settings', response: { 200: zSettings } },
    },
    async () => getSettings(app.db, app.config),
  );

  app.patch(
    '/settings',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['settings'],
        summary: 'Change the anonymity threshold (3–10); audited',
        body: zUpdateSettingsBody,
        response: { 200: zSettings, 400: zErrorBody },
      },
    },
    async (request) => updateSettings(app.db, app.config, request.user!, request.body),
  );

  app.put(
    '/settings/language',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['settings'],
        summary: 'The organisation’s default language (en, de, fr); audited',
        body: zDefaultLanguageBody,
        response: { 200: zSettings, 400: zErrorBody },
      },
    },
    async (request) => {
      const before = await getDefaultLanguage(app.db);
      await writeDefaultLanguage(app.db, request.body.defaultLanguage);
      await recordAudit(app.db, request.user!, 'settings.update', DEFAULT_LANGUAGE_KEY, { from: before, to: request.body.defaultLanguage });
      return getSettings(app.db, app.config);
    },
  );
};
