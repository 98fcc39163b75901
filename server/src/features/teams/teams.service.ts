import type { Database } from '@pulse/db';
import type { CreateTeamBody, Team, UpdateTeamBody } from '@pulse/shared';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound, type ErrorKey } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import type { TeamScope } from '../../plugins/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './teams.repository.js';

/** The one place a team row becomes its API shape. */
export function toTeam(row: repo.TeamListRow): Team {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    leaderIds: row.leader_ids,
    memberCount: row.member_count,
    archived: row.archived_at !== null,
  };
}

/** Teams inside `scope` (a leader's subtree, or all). */
/** Whether the team exists and is not archived (a person can be placed in it). */
export async function isLiveTeam(db: Kysely<Database>, id: string): Promise<boolean> {
  const team = await repo.findTeam(db, id);
  return team !== undefined && team.archived_at === null;
}

export async function listTeams(db: Kysely<Database>, scope: TeamScope, includeArchived: boolean): Promise<Team[]> {
  const rows = await repo.listTeams(db, { includeArchived, ids: scope === 'all' ? undefined : scope });
  return rows.map(toTeam);
}

async function getTeam(db: Kysely<Database>, id: string): Promise<Team> {
  const [row] = await repo.listTeams(db, { includeArchived: true, ids: new Set([id]) });
  if (!row) throw notFound('team');
  return toTeam(row);
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

async function assertNameFree(db: Kysely<Database>, parentId: string | null, name: string, exceptId?: string) {
  if (await repo.findLiveSibling(db, parentId, name, exceptId)) {
    throw conflict(['teams.nameTaken', { name }]);
  }
}

async function assertLiveParent(db: Kysely<Database>, parentId: string) {
  const parent = await repo.findTeam(db, parentId);
  if (!parent) throw badRequest('teams.parentMissing', [{ path: 'parentId', message: 'No such team.' }]);
  if (parent.archived_at) throw badRequest('teams.parentArchived', [{ path: 'parentId', message: 'The team is archived.' }]);
}

export async function createTeam(db: Kysely<Database>, actor: SessionUser, body: CreateTeamBody): Promise<Team> {
  const parentId = body.parentId ?? null;
  if (parentId) await assertLiveParent(db, parentId);
  await assertNameFree(db, parentId, body.name);
  const id = await repo.insertTeam(db, body.name, parentId).catch((error: unknown) => {
    throw isUniqueViolation(error) ? conflict(['teams.nameTaken', { name: body.name }]) : error;
  });
  await recordAudit(db, actor, 'teams.create', id, { name: body.name, parentId });
  return getTeam(db, id);
}

/** Rename, move (never into its own subtree), archive or restore, and set leaders: all or nothing. */
export async function updateTeam(db: Kysely<Database>, actor: SessionUser, id: string, body: UpdateTeamBody): Promise<Team> {
  const team = await repo.findTeam(db, id);
  if (!team) throw notFound('team');
  const changes: { name?: string; parent_id?: string | null; archived_at?: Date | null } = {};
  const name = body.name ?? team.name;
  const parentId = body.parentId === undefined ? team.parent_id : body.parentId;

  if (body.parentId !== undefined && body.parentId !== team.parent_id) {
    if (body.parentId !== null) {
      await assertLiveParent(db, body.parentId);
      if ((await repo.subtreeIds(db, id)).has(body.parentId)) {
        throw badRequest('teams.ownSubtree', [{ path: 'parentId', message: 'This would put the team inside its own subtree.' }]);
      }
    }
    changes.parent_id = body.parentId;
  }
  if (body.name !== undefined && body.name !== team.name) changes.name = body.name;
  if (body.archived === true && !team.archived_at) {
    if (await repo.hasLiveChildren(db, id)) throw conflict('teams.liveChildren');
    changes.archived_at = new Date();
  }
  if (body.archived === false && team.archived_at) {
    if (parentId) await assertLiveParent(db, parentId);
    changes.archived_at = null;
  }
  const willBeLive = changes.archived_at === undefined ? !team.archived_at : changes.archived_at === null;
  if (willBeLive && (changes.name || changes.parent_id !== undefined || changes.archived_at === null)) {
    await assertNameFree(db, parentId, name, id);
  }

  let leaderIds: string[] | undefined;
  if (body.leaderIds) {
    leaderIds = [...new Set(body.leaderIds)];
    const valid = await repo.activeLeaderIds(db, leaderIds);
    const invalid = leaderIds.filter((leaderId) => !valid.has(leaderId));
    if (invalid.length) {
      throw badRequest(
        'teams.notLeaders',
        invalid.map((leaderId) => ({ path: 'leaderIds', message: `${leaderId} is not an active leader.` })),
      );
    }
  }

  try {
    await db.transaction().execute(async (trx) => {
      if (Object.keys(changes).length) await repo.updateTeam(trx, id, changes);
      if (leaderIds) await repo.setLeaders(trx, id, leaderIds);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(['teams.nameTaken', { name }]);
    throw error;
  }
  await recordAudit(db, actor, 'teams.update', id, {
    ...(changes.name ? { name: { from: team.name, to: changes.name } } : {}),
    ...(changes.parent_id !== undefined ? { parentId: { from: team.parent_id, to: changes.parent_id } } : {}),
    ...(changes.archived_at !== undefined ? { archived: changes.archived_at !== null } : {}),
    ...(leaderIds ? { leaderIds } : {}),
  });
  return getTeam(db, id);
}

/** Deletes a team without history; one with history must be archived instead. */
export async function deleteTeam(db: Kysely<Database>, actor: SessionUser, id: string): Promise<void> {
  const team = await repo.findTeam(db, id);
  if (!team) throw notFound('team');
  const history = await repo.teamHistory(db, id);
  if (history.length) {
    throw conflict(['teams.hasHistory', { history: { list: history.map((what) => `teams.history.${what}` as ErrorKey) } }]);
  }
  await repo.deleteTeam(db, id);
  await recordAudit(db, actor, 'teams.delete', id, { name: team.name });
}
