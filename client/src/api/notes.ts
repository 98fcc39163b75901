import type { TeamNote } from '@pulse/shared/api/notes';
import { api } from './client.js';
import { useResource } from './use-resource.js';

const path = (teamId: string, cycleId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/notes/${encodeURIComponent(cycleId)}`;

/** GET /api/v1/teams/:id/notes/:cycleId */
export function useTeamNote(teamId: string, cycleId: string) {
  return useResource(path(teamId, cycleId), () => api<{ note: TeamNote | null }>(path(teamId, cycleId)));
}

/** PUT /api/v1/teams/:id/notes/:cycleId */
export const saveTeamNote = (teamId: string, cycleId: string, body: string) =>
  api<{ note: TeamNote; mailed: boolean }>(path(teamId, cycleId), { method: 'PUT', json: { body } });
