import { z } from 'zod';

/** SCIM 2.0 schema URNs (RFC 7643 §8.7, RFC 7644 §3.4.2, §3.5.2, §3.12). */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** Entra sends booleans in PATCH as the strings "True" and "False". */
export const zScimBoolean = z.union([z.boolean(), z.enum(['True', 'False', 'true', 'false']).transform((v) => v.toLowerCase() === 'true')]);

const zName = z.looseObject({
  formatted: z.string().max(200).optional(),
  givenName: z.string().max(200).optional(),
  familyName: z.string().max(200).optional(),
});

/** A User as an identity provider creates or replaces it; attributes we do not keep are ignored. */
export const zScimUserBody = z.looseObject({
  // The address people sign in with: we match single sign-on by it.
  userName: z.string().trim().max(320).pipe(z.email('userName must be an email address')),
  externalId: z.string().max(200).optional(),
  displayName: z.string().max(200).optional(),
  name: zName.optional(),
  emails: z
    .array(z.looseObject({ value: z.string().max(320), primary: zScimBoolean.optional() }))
    .max(20)
    .optional(),
  active: zScimBoolean.optional(),
});
export type ScimUserBody = z.infer<typeof zScimUserBody>;

export const zScimGroupBody = z.looseObject({
  displayName: z.string().trim().min(1).max(200),
  externalId: z.string().max(200).optional(),
  members: z
    .array(z.looseObject({ value: z.string().max(100) }))
    .max(100_000)
    .optional(),
});
export type ScimGroupBody = z.infer<typeof zScimGroupBody>;

export const zPatchOperation = z.looseObject({
  op: z
    .string()
    .transform((op) => op.toLowerCase())
    .pipe(z.enum(['add', 'remove', 'replace'])),
  path: z.string().max(500).optional(),
  value: z.unknown().optional(),
});
export type PatchOperation = z.infer<typeof zPatchOperation>;

export const zScimPatchBody = z.looseObject({
  schemas: z.array(z.string()).refine((s) => s.includes(PATCH_SCHEMA), `schemas must include ${PATCH_SCHEMA}`),
  Operations: z.array(zPatchOperation).min(1).max(1000),
});

export const zScimListQuery = z.looseObject({
  filter: z.string().max(1000).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
});

export const zScimIdParams = z.object({ id: z.string().max(100) });

/** Any SCIM resource or list in an answer (the routes build them from our rows). */
export const zScimResource = z.looseObject({ schemas: z.array(z.string()) });
export const zScimError = z.object({
  schemas: z.tuple([z.literal(ERROR_SCHEMA)]),
  status: z.string(),
  scimType: z.string().optional(),
  detail: z.string(),
});
