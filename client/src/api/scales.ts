import type { DriversResponse, ReliabilityResponse } from '@pulse/shared/api/scales';
import { api } from './client.js';
import { useResource } from './use-resource.js';

const withCycle = (path: string, cycleId: string | undefined) => (cycleId ? `${path}?cycleId=${encodeURIComponent(cycleId)}` : path);

/** GET /api/v1/instrument/reliability (the latest closed cycle when `cycleId` is empty) */
export function useReliability(cycleId: string | undefined) {
  const url = withCycle('/api/v1/instrument/reliability', cycleId);
  return useResource(url, () => api<ReliabilityResponse>(url));
}

/** GET /api/v1/instrument/drivers for the organisation */
export function useDrivers(cycleId: string | undefined) {
  const url = withCycle('/api/v1/instrument/drivers', cycleId);
  return useResource(url, () => api<DriversResponse>(url));
}
