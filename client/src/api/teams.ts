import type { CreateTeamBody, TeamResponse, TeamsResponse, UpdateTeamBody } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/teams */
export const useTeams = (includeArchived = false) =>
  useResource(`teams:${includeArchived}`, () => api<TeamsResponse>(`/api/v1/teams${includeArchived ? '?includeArchived=true' : ''}`));

/** POST /api/v1/teams */
export const createTeam = (body: CreateTeamBody) => api<TeamResponse>('/api/v1/teams', { method: 'POST', json: body });

/** PATCH /api/v1/teams/:id */
export const updateTeam = (id: string, body: UpdateTeamBody) => api<TeamResponse>(`/api/v1/teams/${id}`, { method: 'PATCH', json: body });

/** DELETE /api/v1/teams/:id */
export const deleteTeam = (id: string) => api<void>(`/api/v1/teams/${id}`, { method: 'DELETE' });
