import type { Database } from '@pulse/db';
import type { ErrorDetail, ImportResult } from '@pulse/shared';
import type { Kysely, Transaction } from 'kysely';
import { badRequest } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseMemberCsv, type MemberCsvRow } from './members.csv.js';
import * as repo from './members.repository.js';

const PREVIEW_ROWS = 10;

/** Thrown inside the transaction of a dry run so that nothing it did is kept. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** Rows an HR person may not apply: admin accounts and their own role belong to others. */
function permissionErrors(rows: MemberCsvRow[], existing: Map<string, repo.ExistingUser>, actor: SessionUser): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  for (const row of rows) {
    const current = existing.get(row.email.toLowerCase());
    let message: string | undefined;
    if (current?.id === actor.id && current.role !== row.role) message = 'You cannot change your own role.';
    else if (actor.role !== 'admin' && row.role === 'admin' && current?.role !== 'admin')
      message = 'Only an admin can grant the admin role.';
    else if (actor.role !== 'admin' && current?.role === 'admin') message = 'Only an admin can change an admin account.';
    if (message) errors.push({ path: `line ${row.line}`, message });
  }
  return errors;
}

/** Finds or creates each team path; case-insensitive, live teams only. */
async function resolveTeams(trx: Transaction<Database>, rows: MemberCsvRow[]): Promise<{ ids: Map<string, string>; created: number }> {
  const byParentAndName = new Map<string, string>();
  const key = (parentId: string | null, name: string) => `${parentId ?? ''}/${name.toLowerCase()}`;
  for (const team of await repo.liveTeams(trx)) byParentAndName.set(key(team.parent_id, team.name), team.id);
  const ids = new Map<string, string>();
  let created = 0;
  for (const row of rows) {
    if (!row.teamPath.length || ids.has(row.team.toLowerCase())) continue;
    let parentId: string | null = null;
    for (const name of row.teamPath) {
      let id = byParentAndName.get(key(parentId, name));
      if (!id) {
        id = await repo.insertTeam(trx, name, parentId);
        byParentAndName.set(key(parentId, name), id);
        created++;
      }
      parentId = id;
    }
    ids.set(row.team.toLowerCase(), parentId!);
  }
  return { ids, created };
}

async function apply(
  trx: Transaction<Database>,
  actor: SessionUser,
  rows: MemberCsvRow[],
  existing: Map<string, repo.ExistingUser>,
  options: { deactivateMissing: boolean },
): Promise<Omit<ImportResult, 'dryRun' | 'preview'>> {
  const teams = await resolveTeams(trx, rows);
  const inserts: repo.NewMember[] = [];
  const updates: repo.MemberUpdate[] = [];
  const roleChanged: string[] = [];
  const demotedLeaders: string[] = [];
  const keep: string[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const teamId = row.teamPath.length ? teams.ids.get(row.team.toLowerCase())! : null;
    const current = existing.get(row.email.toLowerCase());
    if (!current) {
      inserts.push({ email: row.email, name: row.name, role: row.role, team_id: teamId, language: row.language ?? null });
      continue;
    }
    keep.push(current.id);
    // A file without the language (or an empty cell) leaves the person's language as it is.
    const language = row.language ?? current.language;
    if (
      current.name === row.name &&
      current.role === row.role &&
      current.team_id === teamId &&
      current.active &&
      current.language === language
    ) {
      unchanged++;
      continue;
    }
    updates.push({ id: current.id, name: row.name, role: row.role, team_id: teamId, language });
    if (current.role !== row.role) roleChanged.push(current.id);
    if (current.role === 'leader' && row.role !== 'leader') demotedLeaders.push(current.id);
  }
  const newIds = await repo.insertMembers(trx, inserts);
  await repo.updateMembers(trx, updates);
  await repo.removeLeadershipOf(trx, demotedLeaders);
  const leaderPairs = rows
    .filter((row) => row.role === 'leader')
    .map((row) => ({
      team_id: teams.ids.get(row.team.toLowerCase())!,
      user_id: existing.get(row.email.toLowerCase())?.id ?? newIds.get(row.email.toLowerCase())!,
    }));
  await repo.addLeaders(trx, leaderPairs);
  const deactivated = options.deactivateMissing ? await repo.deactivateMissing(trx, [...keep, ...newIds.values()], actor.id) : [];
  await repo.endSessionsOf(trx, [...roleChanged, ...deactivated]);
  return { created: inserts.length, updated: updates.length, unchanged, deactivated: deactivated.length, teamsCreated: teams.created };
}

/**
 * Imports a member CSV all-or-nothing: any bad line means a 400 listing every bad line, and
 * nothing changes. A dry run does all the work and rolls it back, so its counts are exact.
 */
export async function importMembers(
  db: Kysely<Database>,
  actor: SessionUser,
  csv: string,
  options: { dryRun: boolean; deactivateMissing: boolean },
): Promise<ImportResult> {
  const parsed = parseMemberCsv(csv);
  if (!parsed.errors.length && !parsed.rows.length) {
    throw badRequest('members.emptyFile', [{ path: 'line 2', message: 'No rows.' }]);
  }
  const preview = parsed.rows.slice(0, PREVIEW_ROWS).map(({ line, email, name, team, role }) => ({ line, email, name, team, role }));
  try {
    const counts = await db.transaction().execute(async (trx) => {
      const existing = await repo.usersByEmail(trx);
      const errors = [...parsed.errors, ...permissionErrors(parsed.rows, existing, actor)].sort(
        (a, b) => Number(a.path.slice(5)) - Number(b.path.slice(5)),
      );
      if (errors.length) {
        throw badRequest(['import.lineProblems', { count: errors.length }], errors);
      }
      const result = await apply(trx, actor, parsed.rows, existing, options);
      if (options.dryRun) throw new DryRunRollback({ ...result, dryRun: true, preview });
      return result;
    });
    await recordAudit(db, actor, 'members.import', null, {
      ...counts,
      rows: parsed.rows.length,
      deactivateMissing: options.deactivateMissing,
    });
    return { ...counts, dryRun: false, preview };
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}
