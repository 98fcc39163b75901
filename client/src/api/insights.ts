import type { CommentsResponse, OverviewResponse, TrendsResponse } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** A range of cycle start dates (YYYY-MM-DD), either end open. */
export interface CycleRange {
  from?: string | undefined;
  to?: string | undefined;
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return search.size ? `?${search.toString()}` : '';
};

/** GET /api/v1/teams/:id/trends */
export function useTrends(teamId: string, range: CycleRange) {
  const url = `/api/v1/teams/${encodeURIComponent(teamId)}/trends${query({ from: range.from, to: range.to })}`;
  return useResource(url, () => api<TrendsResponse>(url));
}

/** GET /api/v1/overview/teams: the viewer's top teams and their sub-teams (the screen's first load). */
export function useOverviewTeams(cycleId: string | undefined) {
  const url = `/api/v1/overview/teams${query({ cycleId })}`;
  return useResource(url, () => api<OverviewResponse>(url));
}

/** GET /api/v1/overview/teams?parent= : one team's sub-teams, when its row is expanded. */
export const overviewChildren = (cycleId: string, parent: string) =>
  api<OverviewResponse>(`/api/v1/overview/teams${query({ cycleId, parent })}`).then((d) => d.rows);

/** GET /api/v1/overview/search?q= (nothing loads while `q` is empty) */
export function useOverviewSearch(cycleId: string | undefined, q: string) {
  const url = `/api/v1/overview/search${query({ cycleId, q })}`;
  return useResource(q ? url : null, () => api<OverviewResponse>(url));
}

/** GET /api/v1/overview/worst?view=&limit= : the fortress watch or the lowest participation, worst first. */
export function useOverviewWorst(cycleId: string | undefined, view: 'fortress' | 'participation', limit: number) {
  const url = `/api/v1/overview/worst${query({ cycleId, view, limit: String(limit) })}`;
  return useResource(url, () => api<OverviewResponse>(url));
}

/** GET /api/v1/teams/:id/comments (the latest closed cycle when `cycleId` is empty) */
export function useComments(teamId: string, cycleId: string | undefined) {
  const url = `/api/v1/teams/${encodeURIComponent(teamId)}/comments${query({ cycleId })}`;
  return useResource(url, () => api<CommentsResponse>(url));
}

export { query as searchOf };
