import type { CreateUserBody, InviteResponse, UpdateUserBody, UserResponse, UsersResponse } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/users */
export const useUsers = (version = 0) => useResource(`users:${version}`, () => api<UsersResponse>('/api/v1/users'));

/** POST /api/v1/users */
export const createUser = (body: CreateUserBody) => api<UserResponse>('/api/v1/users', { method: 'POST', json: body });

/** PATCH /api/v1/users/:id */
export const updateUser = (id: string, body: UpdateUserBody) => api<UserResponse>(`/api/v1/users/${id}`, { method: 'PATCH', json: body });

/** POST /api/v1/users/:id/invite */
export const inviteUser = (id: string) => api<InviteResponse>(`/api/v1/users/${id}/invite`, { method: 'POST' });

/** GET /api/v1/users?role=leader (only asked for when `enabled`: leaders may not list users). */
export const useLeaders = (enabled: boolean) =>
  useResource(enabled ? 'users:leaders' : null, () => api<UsersResponse>('/api/v1/users?role=leader'));
