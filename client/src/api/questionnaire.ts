import type { CustomItem, CustomItemCreate, CustomItemUpdate, Instrument } from '@pulse/shared/api/questionnaire';
import { api } from './client.js';
import { useResource } from './use-resource.js';

type ItemChange = { item: CustomItem; version: number };

/** GET /api/v1/questionnaire/items */
export const useInstrument = () => useResource('questionnaire', () => api<Instrument>('/api/v1/questionnaire/items'));

/** POST /api/v1/questionnaire/items */
export const addQuestion = (body: CustomItemCreate) => api<ItemChange>('/api/v1/questionnaire/items', { method: 'POST', json: body });

/** PATCH /api/v1/questionnaire/items/:id */
export const updateQuestion = (id: string, body: CustomItemUpdate) =>
  api<ItemChange>(`/api/v1/questionnaire/items/${id}`, { method: 'PATCH', json: body });

/** POST /api/v1/questionnaire/items/:id/retire */
export const retireQuestion = (id: string) => api<ItemChange>(`/api/v1/questionnaire/items/${id}/retire`, { method: 'POST' });

/** PUT /api/v1/questionnaire/enps */
export const setEnps = (enabled: boolean) => api<Instrument>('/api/v1/questionnaire/enps', { method: 'PUT', json: { enabled } });
