import type { ImportResult, MembersResponse } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

export interface MemberSearch {
  q: string;
  teamId: string;
  includeInactive: boolean;
  limit: number;
}

/** GET /api/v1/members */
export function useMembers(search: MemberSearch, version = 0) {
  const params = new URLSearchParams({ limit: String(search.limit) });
  if (search.q) params.set('q', search.q);
  if (search.teamId) params.set('teamId', search.teamId);
  if (search.includeInactive) params.set('includeInactive', 'true');
  const query = params.toString();
  return useResource(`members:${query}:${version}`, () => api<MembersResponse>(`/api/v1/members?${query}`));
}

/** POST /api/v1/members/import (text/csv) */
export const importMembers = (csv: string, options: { dryRun: boolean; deactivateMissing: boolean }) =>
  api<ImportResult>(`/api/v1/members/import?dryRun=${options.dryRun}&deactivateMissing=${options.deactivateMissing}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
