import type { Action, ActionsResponse, CreateActionBody, TeamActionsResponse, UpdateActionBody } from '@pulse/shared/api/actions';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/teams/:id/actions: the team's actions and who may own them. */
export function useTeamActions(teamId: string, version = 0) {
  const url = `/api/v1/teams/${encodeURIComponent(teamId)}/actions`;
  return useResource(`${url}#${version}`, () => api<TeamActionsResponse>(url));
}

/** GET /api/v1/actions: every action in scope, overdue first. */
export function useAllActions(version = 0) {
  const url = '/api/v1/actions';
  return useResource(`${url}#${version}`, () => api<ActionsResponse>(url));
}

/** POST /api/v1/teams/:id/actions */
export const createAction = (teamId: string, body: CreateActionBody) =>
  api<{ action: Action }>(`/api/v1/teams/${encodeURIComponent(teamId)}/actions`, { method: 'POST', json: body });

/** PATCH /api/v1/actions/:id */
export const updateAction = (id: string, body: UpdateActionBody) =>
  api<{ action: Action }>(`/api/v1/actions/${encodeURIComponent(id)}`, { method: 'PATCH', json: body });
