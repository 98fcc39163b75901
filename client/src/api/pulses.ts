import type { Cycle, CycleCreate, CycleList, Participation } from '@pulse/shared/api/cycles';
import type { Schedule, ScheduleState } from '@pulse/shared/api/schedule';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/schedule */
export const useSchedule = () => useResource('schedule', () => api<ScheduleState>('/api/v1/schedule'));

/** PUT /api/v1/schedule */
export const saveSchedule = (body: Schedule) => api<ScheduleState>('/api/v1/schedule', { method: 'PUT', json: body });

/** GET /api/v1/cycles: every cycle with its invited and responded counts (how many, never who). */
export const useCycles = (version: number) => useResource(`cycles:${version}`, () => api<CycleList>('/api/v1/cycles'));

/** POST /api/v1/cycles */
export const createCycle = (body: CycleCreate) => api<{ cycle: Cycle }>('/api/v1/cycles', { method: 'POST', json: body });

/** POST /api/v1/cycles/:id/close */
export const closeCycle = (id: string) => api<{ cycle: Cycle }>(`/api/v1/cycles/${encodeURIComponent(id)}/close`, { method: 'POST' });

/** POST /api/v1/cycles/:id/extend: a later closing time for a scheduled or open cycle. */
export const extendCycle = (id: string, closesAt: string) =>
  api<{ cycle: Cycle }>(`/api/v1/cycles/${encodeURIComponent(id)}/extend`, { method: 'POST', json: { closesAt } });

/** GET /api/v1/cycles/:id/participation: per team, as of the latest daily count. */
export const useParticipation = (id: string, version: number) =>
  useResource(`participation:${id}:${version}`, () => api<Participation>(`/api/v1/cycles/${encodeURIComponent(id)}/participation`));
