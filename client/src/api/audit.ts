import type { AuditResponse } from '@pulse/shared';
import { api } from './client.js';

/** GET /api/v1/audit (one page, newest first) */
export function fetchAudit(options: { action?: string; before?: number | null }) {
  const params = new URLSearchParams({ limit: '50' });
  if (options.action) params.set('action', options.action);
  if (options.before) params.set('before', String(options.before));
  return api<AuditResponse>(`/api/v1/audit?${params.toString()}`);
}
