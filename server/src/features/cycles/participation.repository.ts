import type { Database } from '@pulse/db';
import { sql, type Kysely, type Transaction } from 'kysely';

/** How long a participation count stands before the next one. */
export const COUNT_INTERVAL_MS = 24 * 3_600_000;

/** Replaces a cycle's participation count with one taken now, per team, from its invitations. */
export async function recordParticipation(trx: Transaction<Database>, cycleId: string, now: Date): Promise<void> {
  await trx.deleteFrom('participation_counts').where('cycle_id', '=', cycleId).execute();
  await sql`
    insert into participation_counts (cycle_id, team_id, invited, responded, counted_at)
    select cycle_id, team_id, count(*)::int, (count(*) filter (where answered))::int, ${now}::timestamptz
    from invitations where cycle_id = ${cycleId}
    group by cycle_id, team_id`.execute(trx);
}

/**
 * Locks an open cycle whose count is missing or at least COUNT_INTERVAL_MS old, so exactly one
 * instance recounts it; undefined when it is not due or another instance has it.
 */
export async function lockCycleDueForCount(trx: Transaction<Database>, cycleId: string, now: Date): Promise<string | undefined> {
  const row = await trx
    .selectFrom('cycles as c')
    .select('c.id')
    .where('c.id', '=', cycleId)
    .where('c.status', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('participation_counts as p')
            .select('p.cycle_id')
            .whereRef('p.cycle_id', '=', 'c.id')
            .where('p.counted_at', '>', new Date(now.getTime() - COUNT_INTERVAL_MS)),
        ),
      ),
    )
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row?.id;
}

/** Ids of open cycles. */
export async function openCycleIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('cycles').select('id').where('status', '=', 'open').execute()).map((r) => r.id);
}

/** A cycle's latest count per team, with the team's name, by name. */
export async function readParticipation(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom('participation_counts as p')
    .innerJoin('teams as t', 't.id', 'p.team_id')
    .select(['p.team_id as teamId', 't.name', 'p.invited', 'p.responded', 'p.counted_at as countedAt'])
    .where('p.cycle_id', '=', cycleId)
    .orderBy('t.name')
    .execute();
}
