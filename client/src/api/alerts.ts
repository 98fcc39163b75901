import type { AcknowledgeBody, Alert, AlertsResponse } from '@pulse/shared';
import { useState } from 'react';
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

/**
 * GET /api/v1/alerts in pages: `url` (with `limit`) gives the first page; `loadMore` follows
 * `nextCursor`. `alerts` holds every page loaded so far.
 */
export function useAlertPages(url: string) {
  const first = useResource(url, () => api<AlertsResponse>(url));
  const [later, setLater] = useState<{ url: string; alerts: Alert[]; next: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const pages = later?.url === url ? later : null;
  const next = pages ? pages.next : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!next) return;
    setBusy(true);
    setFailed(false);
    try {
      const page = await api<AlertsResponse>(`${url}&after=${encodeURIComponent(next)}`);
      setLater({ url, alerts: [...(pages?.alerts ?? []), ...page.alerts], next: page.nextCursor });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return { first, alerts: [...(first.data?.alerts ?? []), ...(pages?.alerts ?? [])], hasMore: next !== null, loadMore, busy, failed };
}

/** GET /api/v1/alerts?status=current&teamId= : a team's open and acknowledged alerts. */
export function useCurrentTeamAlerts(teamId: string) {
  const url = `/api/v1/alerts?status=current&teamId=${encodeURIComponent(teamId)}`;
  return useResource(url, () => api<AlertsResponse>(url));
}
