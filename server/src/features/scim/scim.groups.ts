import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit.service.js';
import { ScimError, scimNotFound } from './scim.errors.js';
import { page, parseEqFilter } from './scim.filter.js';
import * as repo from './scim.repository.js';
import { GROUP_SCHEMA, LIST_SCHEMA, type PatchOperation, type ScimGroupBody } from './scim.schemas.js';
import { isUuid, type ScimClient } from './scim.users.js';

async function toScimGroup(app: FastifyInstance, team: repo.TeamRowLite, withMembers = true) {
  const { publicUrl } = app.config;
  const members = withMembers ? await repo.teamMembers(app.db, team.id) : null;
  return {
    schemas: [GROUP_SCHEMA],
    id: team.id,
    displayName: team.name,
    ...(members ? { members: members.map((m) => ({ value: m.id, display: m.name, $ref: `${publicUrl}/scim/v2/Users/${m.id}` })) } : {}),
    meta: { resourceType: 'Group', created: team.created_at.toISOString(), location: `${publicUrl}/scim/v2/Groups/${team.id}` },
  };
}

async function teamOr404(app: FastifyInstance, id: string) {
  const team = isUuid(id) ? await repo.findLiveTeam(app.db, id) : undefined;
  if (!team) throw scimNotFound('Group');
  return team;
}

async function audit(app: FastifyInstance, client: ScimClient, action: string, teamId: string, details: Record<string, unknown> = {}) {
  await recordAudit(app.db, null, action, teamId, { via: 'scim', token: client.name, ...details });
}

/** Member ids from `[{ value }]`, each a known user, else 400. */
async function memberIds(app: FastifyInstance, value: unknown): Promise<string[]> {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const ids = list.map((m) => (m && typeof m === 'object' ? (m as { value?: unknown }).value : undefined));
  if (!ids.every((id): id is string => typeof id === 'string' && isUuid(id)))
    throw new ScimError(400, 'members must be [{ "value": "<user id>" }].', 'invalidValue');
  const known = await repo.existingUserIds(app.db, ids);
  if (known.length !== new Set(ids).size) throw new ScimError(400, 'A member is not a known user.', 'invalidValue');
  return known;
}

async function assertNameFree(app: FastifyInstance, name: string, exceptId?: string) {
  const { rows } = await repo.listLiveTeams(app.db, name, 0, 2);
  if (rows.some((r) => r.id !== exceptId)) throw new ScimError(409, 'A group with this displayName already exists.', 'uniqueness');
}

export async function listGroups(
  app: FastifyInstance,
  query: { filter?: string | undefined; startIndex?: number | undefined; count?: number | undefined; excludedAttributes?: unknown },
) {
  const eq = parseEqFilter(query.filter, ['displayname']);
  const { offset, limit, startIndex } = page(query.startIndex, query.count);
  const { rows, total } = await repo.listLiveTeams(app.db, eq?.value, offset, limit);
  const withMembers = !(typeof query.excludedAttributes === 'string' && /\bmembers\b/i.test(query.excludedAttributes));
  const resources = await Promise.all(rows.map((r) => toScimGroup(app, r, withMembers)));
  return { schemas: [LIST_SCHEMA], totalResults: total, startIndex, itemsPerPage: rows.length, Resources: resources };
}

export async function getGroup(app: FastifyInstance, id: string) {
  return toScimGroup(app, await teamOr404(app, id));
}

/** A group is a top-level team; its members are the team's members. */
export async function createGroup(app: FastifyInstance, client: ScimClient, body: ScimGroupBody) {
  await assertNameFree(app, body.displayName);
  const ids = await memberIds(app, body.members);
  const id = await repo.insertTopTeam(app.db, body.displayName);
  await repo.addTeamMembers(app.db, id, ids);
  await audit(app, client, 'scim.group.create', id, { members: ids.length });
  return getGroup(app, id);
}

export async function replaceGroup(app: FastifyInstance, client: ScimClient, id: string, body: ScimGroupBody) {
  const team = await teamOr404(app, id);
  if (body.displayName !== team.name) await assertNameFree(app, body.displayName, id);
  const ids = await memberIds(app, body.members);
  await repo.renameTeam(app.db, id, body.displayName);
  const current = (await repo.teamMembers(app.db, id)).map((m) => m.id);
  await repo.removeTeamMembers(
    app.db,
    id,
    current.filter((m) => !ids.includes(m)),
  );
  await repo.addTeamMembers(app.db, id, ids);
  await audit(app, client, 'scim.group.replace', id, { members: ids.length });
  return getGroup(app, id);
}

/** `members[value eq "<id>"]`: the member a remove names in its path (Okta, Entra). */
function memberInPath(path: string): string | null {
  return /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i.exec(path)?.[1] ?? null;
}

/**
 * PATCH: add or remove members (`path: "members"` with `[{ value }]`, or a remove naming
 * `members[value eq "…"]`), replace members, or rename (`displayName`, with a path or as Okta's
 * object value).
 */
export async function patchGroup(app: FastifyInstance, client: ScimClient, id: string, operations: PatchOperation[]) {
  const team = await teamOr404(app, id);
  let added = 0;
  let removed = 0;
  for (const op of operations) {
    const path = op.path?.toLowerCase();
    const named = op.path ? memberInPath(op.path) : null;
    if (named) {
      if (op.op !== 'remove') throw new ScimError(400, 'Only remove takes a member filter.', 'invalidPath');
      await repo.removeTeamMembers(app.db, id, isUuid(named) ? [named] : []);
      removed++;
    } else if (path === 'members') {
      const ids = op.op === 'remove' && op.value === undefined ? null : await memberIds(app, op.value);
      if (op.op === 'remove') await repo.removeTeamMembers(app.db, id, ids);
      else {
        if (op.op === 'replace') await repo.removeTeamMembers(app.db, id, null);
        await repo.addTeamMembers(app.db, id, ids!);
      }
      if (op.op === 'remove') removed += ids?.length ?? 1;
      else added += ids!.length;
    } else {
      const value =
        path === 'displayname'
          ? op.value
          : !op.path && op.value && typeof op.value === 'object'
            ? (op.value as { displayName?: unknown }).displayName
            : undefined;
      if (typeof value === 'string' && value.trim() && op.op !== 'remove') {
        if (value.trim() !== team.name) await assertNameFree(app, value.trim(), id);
        await repo.renameTeam(app.db, id, value.trim().slice(0, 200));
      } else if (op.path && path !== 'externalid') throw new ScimError(400, `Unsupported path: ${op.path}`, 'invalidPath');
    }
  }
  await audit(app, client, 'scim.group.update', id, { added, removed });
  return getGroup(app, id);
}

/** DELETE archives the team (its history stays) and leaves its members in no team. */
export async function deleteGroup(app: FastifyInstance, client: ScimClient, id: string) {
  await teamOr404(app, id);
  await repo.archiveTeam(app.db, id);
  await audit(app, client, 'scim.group.delete', id);
}
