import type { OutboxMessageDetail, OutboxResponse } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/outbox */
export const useOutbox = (version = 0) => useResource(`outbox:${version}`, () => api<OutboxResponse>('/api/v1/outbox'));

/** GET /api/v1/outbox/:id */
export const useOutboxMessage = (id: string | null) =>
  useResource(id, () => api<OutboxMessageDetail>(`/api/v1/outbox/${encodeURIComponent(id ?? '')}`));
