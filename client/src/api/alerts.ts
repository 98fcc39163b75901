import type { AcknowledgeBody, Alert, AlertsResponse } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/alerts?status=all&teamId= : every alert of one team, open ones first. */
export function useTeamAlerts(teamId: string, version = 0) {
  const url = `/api/v1/alerts?status=all&teamId=${encodeURIComponent(teamId)}`;
  return useResource(`${url}#${version}`, () => api<AlertsResponse>(url));
}

/** POST /api/v1/alerts/:id/acknowledge */
export const acknowledgeAlert = (id: string, body: AcknowledgeBody) =>
  api<{ alert: Alert }>(`/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST', json: body });
