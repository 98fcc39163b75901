import type { CustomerImportResult, CustomerMapResponse, CustomersBody, CustomersResponse } from '@pulse/shared/api/customers';
import type { TeamValues } from '@pulse/shared/api/values';
import type { MatrixResponse } from '@pulse/shared/api/partners';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/customer-map */
export const useCustomerMap = (version = 0) =>
  useResource(`customer-map:${version}`, () => api<CustomerMapResponse>('/api/v1/customer-map'));

/** GET /api/v1/teams/:id/customers (waits while no team is chosen) */
export const useCustomers = (teamId: string | null, version = 0) =>
  useResource(teamId && `customers:${teamId}:${version}`, () => api<CustomersResponse>(`/api/v1/teams/${teamId}/customers`));

/** PUT /api/v1/teams/:id/customers */
export const saveCustomers = (teamId: string, body: CustomersBody) =>
  api<CustomersResponse>(`/api/v1/teams/${teamId}/customers`, { method: 'PUT', json: body });

/** POST /api/v1/customer-map/import (text/csv) */
export const importCustomerMap = (csv: string, dryRun: boolean) =>
  api<CustomerImportResult>(`/api/v1/customer-map/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });

/** GET /api/v1/teams/:id/values */
export const useTeamValues = (teamId: string | null) =>
  useResource(teamId && `values:${teamId}`, () => api<TeamValues>(`/api/v1/teams/${teamId}/values`));

/** PUT /api/v1/teams/:id/values */
export const saveTeamValues = (teamId: string, body: TeamValues) =>
  api<TeamValues>(`/api/v1/teams/${teamId}/values`, { method: 'PUT', json: body });

/** GET /api/v1/partners/matrix */
export const useMatrix = (cycleId: string) =>
  useResource(`matrix:${cycleId}`, () => api<MatrixResponse>(`/api/v1/partners/matrix${cycleId ? `?cycleId=${cycleId}` : ''}`));
