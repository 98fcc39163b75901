import type { DefaultLanguageBody, Settings, UpdateSettingsBody } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/settings */
export const useSettings = () => useResource('settings', () => api<Settings>('/api/v1/settings'));

/** PATCH /api/v1/settings */
export const updateSettings = (body: UpdateSettingsBody) => api<Settings>('/api/v1/settings', { method: 'PATCH', json: body });

/** PUT /api/v1/settings/language */
export const updateDefaultLanguage = (body: DefaultLanguageBody) =>
  api<Settings>('/api/v1/settings/language', { method: 'PUT', json: body });
