import type { Integrations } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/integrations */
export const useIntegrations = (version = 0) => useResource(`integrations:${version}`, () => api<Integrations>('/api/v1/integrations'));

/** PUT /api/v1/integrations/slack */
export const connectSlack = (botToken: string) =>
  api<{ workspace: string }>('/api/v1/integrations/slack', { method: 'PUT', json: { botToken } });

/** DELETE /api/v1/integrations/slack */
export const disconnectSlack = () => api<void>('/api/v1/integrations/slack', { method: 'DELETE' });

/** POST /api/v1/integrations/slack/test */
export const testSlack = () => api<{ delivered: true }>('/api/v1/integrations/slack/test', { method: 'POST' });

/** PUT /api/v1/integrations/teams/:teamId */
export const setTeamsWebhook = (teamId: string, webhookUrl: string) =>
  api<{ teamId: string }>(`/api/v1/integrations/teams/${teamId}`, { method: 'PUT', json: { webhookUrl } });

/** DELETE /api/v1/integrations/teams/:teamId */
export const removeTeamsWebhook = (teamId: string) => api<void>(`/api/v1/integrations/teams/${teamId}`, { method: 'DELETE' });
