import type { Health } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/health */
export const useHealth = () => useResource('health', () => api<Health>('/api/v1/health'));
