import type { Database } from '@pulse/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import { ScimError, scimNotFound } from './scim.errors.js';
import { page, parseEqFilter } from './scim.filter.js';
import * as repo from './scim.repository.js';
import { LIST_SCHEMA, USER_SCHEMA, type PatchOperation, type ScimUserBody, zScimBoolean } from './scim.schemas.js';

export interface ScimClient {
  id: string;
  name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

function toScimUser(publicUrl: string, row: repo.ScimUserRow) {
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    userName: row.email,
    name: { formatted: row.name },
    displayName: row.name,
    emails: [{ value: row.email, type: 'work', primary: true }],
    active: row.active,
    ...(row.team_id ? { groups: [{ value: row.team_id, $ref: `${publicUrl}/scim/v2/Groups/${row.team_id}` }] } : {}),
    meta: { resourceType: 'User', created: row.created_at.toISOString(), location: `${publicUrl}/scim/v2/Users/${row.id}` },
  };
}

/** The name we keep: displayName, else name.formatted, else given and family names, else the address. */
function nameOf(body: ScimUserBody): string {
  const parts = [body.name?.givenName, body.name?.familyName].filter(Boolean).join(' ');
  return (body.displayName || body.name?.formatted || parts || body.userName).trim().slice(0, 200);
}

async function audit(app: FastifyInstance, client: ScimClient, action: string, userId: string, details: Record<string, unknown> = {}) {
  await recordAudit(app.db, null, action, userId, { via: 'scim', token: client.name, ...details });
}

async function userOr404(db: Kysely<Database>, id: string) {
  const row = isUuid(id) ? await repo.findScimUser(db, id) : undefined;
  if (!row) throw scimNotFound('User');
  return row;
}

/** Active state changes; deactivation ends the person's sessions at once, as the CSV import's does. */
async function applyChanges(
  app: FastifyInstance,
  client: ScimClient,
  before: repo.ScimUserRow,
  changes: Parameters<typeof repo.updateScimUser>[2],
) {
  if (changes.email && changes.email.toLowerCase() !== before.email.toLowerCase()) {
    const { total } = await repo.listScimUsers(app.db, { email: changes.email }, 0, 0);
    if (total > 0) throw new ScimError(409, 'Another user has this userName.', 'uniqueness');
  }
  await repo.updateScimUser(app.db, before.id, changes);
  if (changes.active === false && before.active) {
    await repo.endSessions(app.db, before.id);
    await audit(app, client, 'scim.user.deactivate', before.id);
  } else {
    await audit(app, client, 'scim.user.update', before.id, { fields: Object.keys(changes) });
  }
}

export async function listUsers(
  app: FastifyInstance,
  query: { filter?: string | undefined; startIndex?: number | undefined; count?: number | undefined },
) {
  const eq = parseEqFilter(query.filter, ['username', 'externalid']);
  const { offset, limit, startIndex } = page(query.startIndex, query.count);
  const filter = eq ? (eq.attribute === 'username' ? { email: eq.value } : { externalId: eq.value }) : {};
  const { rows, total } = await repo.listScimUsers(app.db, filter, offset, limit);
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex,
    itemsPerPage: rows.length,
    Resources: rows.map((r) => toScimUser(app.config.publicUrl, r)),
  };
}

export async function getUser(app: FastifyInstance, id: string) {
  return toScimUser(app.config.publicUrl, await userOr404(app.db, id));
}

/** A new member (no role beyond member: roles stay ours), in no team until a group adds them. */
export async function createUser(app: FastifyInstance, client: ScimClient, body: ScimUserBody) {
  const { total } = await repo.listScimUsers(app.db, { email: body.userName }, 0, 0);
  if (total > 0) throw new ScimError(409, 'A user with this userName already exists.', 'uniqueness');
  const id = await repo.insertScimUser(app.db, {
    email: body.userName,
    name: nameOf(body),
    active: body.active ?? true,
    external_id: body.externalId ?? null,
  });
  await audit(app, client, 'scim.user.create', id);
  return getUser(app, id);
}

export async function replaceUser(app: FastifyInstance, client: ScimClient, id: string, body: ScimUserBody) {
  const before = await userOr404(app.db, id);
  await applyChanges(app, client, before, {
    email: body.userName,
    name: nameOf(body),
    active: body.active ?? true,
    ...(body.externalId !== undefined ? { external_id: body.externalId } : {}),
  });
  return getUser(app, id);
}

/** Reads a boolean as Okta ({ active: false }) and Entra ("False") send it. */
const asBoolean = (value: unknown) => {
  const parsed = zScimBoolean.safeParse(value);
  if (!parsed.success) throw new ScimError(400, 'active must be true or false.', 'invalidValue');
  return parsed.data;
};

/**
 * PATCH: `replace`/`add` of active, userName, displayName, name.formatted and externalId, with a
 * path (Entra) or as an object value without one (Okta). Attributes we do not keep are ignored.
 */
export async function patchUser(app: FastifyInstance, client: ScimClient, id: string, operations: PatchOperation[]) {
  const before = await userOr404(app.db, id);
  const changes: Parameters<typeof repo.updateScimUser>[2] = {};
  const set = (path: string, value: unknown) => {
    const key = path.toLowerCase();
    if (key === 'active') changes.active = asBoolean(value);
    else if (key === 'username' && typeof value === 'string' && value.trim()) changes.email = value.trim();
    else if ((key === 'displayname' || key === 'name.formatted') && typeof value === 'string' && value.trim())
      changes.name = value.trim().slice(0, 200);
    else if (key === 'externalid' && (typeof value === 'string' || value === null)) changes.external_id = value;
  };
  for (const op of operations) {
    if (op.op === 'remove') continue;
    if (op.path) set(op.path, op.value);
    else if (op.value && typeof op.value === 'object') for (const [path, value] of Object.entries(op.value)) set(path, value);
    else throw new ScimError(400, 'A PATCH operation without a path needs an object value.', 'invalidValue');
  }
  await applyChanges(app, client, before, changes);
  return getUser(app, id);
}

/** DELETE deactivates: history stays, sessions end, no more pulse mails. */
export async function deleteUser(app: FastifyInstance, client: ScimClient, id: string) {
  const before = await userOr404(app.db, id);
  await applyChanges(app, client, before, { active: false });
}
