import { z } from 'zod';

/**
 * The internal customer map: for each provider team, the teams it serves, each relationship
 * marked drive-thru (routine requests served quickly, off a menu) or strategic (joint planning
 * and judgement). The routes are in the OpenAPI document (/api/v1/openapi.json, tag customers).
 */
export const relationships = ['drive_thru', 'strategic'] as const;
export const zRelationship = z.enum(relationships);
export type Relationship = z.infer<typeof zRelationship>;

/** One customer of a provider team, as listed. */
export const zCustomer = z.object({
  teamId: z.uuid(),
  name: z.string(),
  /** Slash-separated path, e.g. "Sales/North". */
  path: z.string(),
  relationship: zRelationship,
});
export type Customer = z.infer<typeof zCustomer>;

export const zCustomersResponse = z.object({ customers: z.array(zCustomer) });
export type CustomersResponse = z.infer<typeof zCustomersResponse>;

/** PUT /teams/:id/customers: replaces the team's customer list. */
export const zCustomersBody = z.object({
  customers: z.array(z.object({ teamId: z.uuid(), relationship: zRelationship })).max(200),
});
export type CustomersBody = z.infer<typeof zCustomersBody>;

/** One relationship of the whole map. */
export const zCustomerLink = z.object({ providerId: z.uuid(), customerId: z.uuid(), relationship: zRelationship });
export type CustomerLink = z.infer<typeof zCustomerLink>;

/** A live team as the map names it, by its slash-separated path. */
export const zMapTeam = z.object({ id: z.uuid(), path: z.string() });
export type MapTeam = z.infer<typeof zMapTeam>;

/**
 * GET /customer-map: every relationship among the teams in scope (a leader: providers in scope),
 * and every live team by path: the names of the customers a leader may list, in or out of scope.
 */
export const zCustomerMapResponse = z.object({ links: z.array(zCustomerLink), teams: z.array(zMapTeam) });
export type CustomerMapResponse = z.infer<typeof zCustomerMapResponse>;

/** The columns of a customer-map CSV, in this order. */
export const CUSTOMER_CSV_COLUMNS = ['provider', 'customer', 'relationship'] as const;

export const zCustomerImportQuery = z.object({
  /** Validate and count, change nothing. */
  dryRun: z.enum(['true', 'false']).optional(),
});

export const zCustomerImportPreviewRow = z.object({
  line: z.number().int(),
  provider: z.string(),
  customer: z.string(),
  relationship: zRelationship,
});

/** POST /customer-map/import → counts, and the first rows as read for a preview. */
export const zCustomerImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
  preview: z.array(zCustomerImportPreviewRow),
});
export type CustomerImportResult = z.infer<typeof zCustomerImportResult>;
