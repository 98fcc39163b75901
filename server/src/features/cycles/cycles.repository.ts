import type { CycleRow, CycleStatus, Database } from '@pulse/db';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { CyclesTable } from '@pulse/db';

/** A cycle row with its included teams (null: every team). */
export type CycleWithTeams = CycleRow & { team_ids: string[] | null };

/** … and its participation counts. */
export type CycleWithCounts = CycleWithTeams & { invited: number; responded: number; counted_at: Date | null };

const teamIds = sql<string[] | null>`case when c.all_teams then null else array(
  select ct.team_id::text from cycle_teams ct where ct.cycle_id = c.id order by ct.team_id) end`;

/** Inserts a cycle and, unless it covers every team, its team list. */
export async function insertCycle(
  trx: Transaction<Database>,
  values: Insertable<CyclesTable>,
  teams: readonly string[] | null,
): Promise<CycleRow> {
  const cycle = await trx.insertInto('cycles').values(values).returningAll().executeTakeFirstOrThrow();
  if (teams)
    await trx
      .insertInto('cycle_teams')
      .values(teams.map((team_id) => ({ cycle_id: cycle.id, team_id })))
      .execute();
  return cycle;
}

/** Ids among `ids` that are live (not archived) teams. */
export async function liveTeamIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('teams').select('id').where('id', 'in', ids).where('archived_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}

/** One cycle with its team list. */
export async function findCycle(db: Kysely<Database>, id: string): Promise<CycleWithTeams | undefined> {
  return db.selectFrom('cycles as c').selectAll('c').select(teamIds.as('team_ids')).where('c.id', '=', id).executeTakeFirst();
}

/** Every cycle, newest first, with how many were invited and how many answered: never who. */
export async function listCyclesWithCounts(db: Kysely<Database>): Promise<CycleWithCounts[]> {
  return db
    .selectFrom('cycles as c')
    .selectAll('c')
    .select((eb) => [
      teamIds.as('team_ids'),
      eb.selectFrom('invitations as i').whereRef('i.cycle_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('invited'),
      // As of the latest count; an open cycle not yet counted shows none, never a live figure.
      sql<number>`coalesce(
        (select sum(p.responded)::int from participation_counts p where p.cycle_id = c.id),
        case when c.status = 'open' then 0
          else (select count(*)::int from invitations i where i.cycle_id = c.id and i.answered) end)`.as('responded'),
      sql<Date | null>`(select max(p.counted_at) from participation_counts p where p.cycle_id = c.id)`.as('counted_at'),
    ])
    .orderBy('c.opens_at', 'desc')
    .orderBy('c.created_at', 'desc')
    .$castTo<CycleWithCounts>()
    .execute();
}

/**
 * Locks the cycle row for this transaction. With `skipLocked` another instance already
 * working on it makes this resolve undefined instead of waiting.
 */
export async function lockCycle(trx: Transaction<Database>, id: string, skipLocked = false): Promise<CycleRow | undefined> {
  const query = trx.selectFrom('cycles').selectAll().where('id', '=', id).forUpdate();
  return (skipLocked ? query.skipLocked() : query).executeTakeFirst();
}

/** Ids of cycles in `statuses` whose `column` time has come by `now`. */
export async function dueCycleIds(
  db: Kysely<Database>,
  statuses: CycleStatus[],
  column: 'opens_at' | 'closes_at',
  now: Date,
): Promise<string[]> {
  const rows = await db
    .selectFrom('cycles')
    .select('id')
    .where('status', 'in', statuses)
    .where(column, '<=', now)
    .orderBy(column)
    .execute();
  return rows.map((r) => r.id);
}

/** True when another cycle's window overlaps [opensAt, closesAt). */
export async function overlapsAnotherCycle(trx: Transaction<Database>, id: string, opensAt: Date, closesAt: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('cycles')
    .select('id')
    .where('id', '!=', id)
    .where('opens_at', '<', closesAt)
    .where('closes_at', '>', opensAt)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves a locked cycle's closing time. */
export async function setClosesAt(trx: Transaction<Database>, id: string, closesAt: Date): Promise<void> {
  await trx.updateTable('cycles').set({ closes_at: closesAt }).where('id', '=', id).execute();
}

/** Sets a locked cycle's status (and when it closed). */
export async function setCycleStatus(trx: Transaction<Database>, id: string, status: CycleStatus, now: Date): Promise<CycleRow> {
  return trx
    .updateTable('cycles')
    .set({ status, ...(status === 'closed' ? { closed_at: now } : {}) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * One invitation per active member of the cycle's live included teams. Each starts with a
 * placeholder that no token can hash to ('unsent:…' is not a sha256): the real token is
 * made, hashed and mailed at delivery, so a crash between the two loses no link.
 */
export async function insertInvitations(trx: Transaction<Database>, cycle: CycleRow): Promise<number> {
  const result = await sql`
    insert into invitations (cycle_id, user_id, team_id, token_hash)
    select ${cycle.id}, u.id, u.team_id, 'unsent:' || gen_random_uuid()::text
    from users u join teams t on t.id = u.team_id
    where u.active and t.archived_at is null
      and (${cycle.all_teams} or u.team_id in (select team_id from cycle_teams where cycle_id = ${cycle.id}))
    on conflict (cycle_id, user_id) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Inserts the cycle of a schedule period for every team, unless that period already has one
 * (the unique `schedule_period` settles a race between instances) or another cycle overlaps
 * its window (one created by hand). Resolves the new id, or undefined.
 */
export async function insertScheduledCycle(
  db: Kysely<Database>,
  c: { label: string; opensAt: Date; closesAt: Date; remindAt: Date | null; questionnaireVersion: number; period: string },
): Promise<string | undefined> {
  const result = await sql<{ id: string }>`
    insert into cycles (label, opens_at, closes_at, remind_at, all_teams, questionnaire_version, schedule_period)
    select ${c.label}, ${c.opensAt}::timestamptz, ${c.closesAt}::timestamptz, ${c.remindAt}::timestamptz, true,
      ${c.questionnaireVersion}::integer, ${c.period}
    where not exists (select 1 from cycles where opens_at < ${c.closesAt}::timestamptz and closes_at > ${c.opensAt}::timestamptz)
    on conflict (schedule_period) do nothing
    returning id`.execute(db);
  return result.rows[0]?.id;
}
