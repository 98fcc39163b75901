import type { Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';

export interface NoteRow {
  body: string;
  /** The day it was last written, YYYY-MM-DD (UTC). */
  at: string;
  author: string | null;
}

/** The team's note about the cycle, with its author's name. */
export async function findNote(db: Kysely<Database>, teamId: string, cycleId: string): Promise<NoteRow | undefined> {
  return db
    .selectFrom('team_notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .where('n.team_id', '=', teamId)
    .where('n.cycle_id', '=', cycleId)
    .select(['n.body', sql<string>`to_char(n.written_at at time zone 'UTC', 'YYYY-MM-DD')`.as('at'), 'u.name as author'])
    .executeTakeFirst();
}

/** Writes (or rewrites) the note. */
export async function upsertNote(
  db: Kysely<Database>,
  teamId: string,
  cycleId: string,
  body: string,
  authorId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('team_notes')
    .values({ team_id: teamId, cycle_id: cycleId, body, author_id: authorId, written_at: now })
    .onConflict((oc) => oc.columns(['team_id', 'cycle_id']).doUpdateSet({ body, author_id: authorId, written_at: now }))
    .execute();
}

/** Claims the note's one mail: true for the one call that finds it not yet mailed. */
export async function claimNoteMail(db: Kysely<Database>, teamId: string, cycleId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('team_notes')
    .set({ mailed_at: now })
    .where('team_id', '=', teamId)
    .where('cycle_id', '=', cycleId)
    .where('mailed_at', 'is', null)
    .returning('team_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The cycle's label and whether the team has published figures in it (the cycle closed with the team in it). */
export async function publishedCycle(
  db: Kysely<Database>,
  teamId: string,
  cycleId: string,
): Promise<{ label: string; published: boolean } | undefined> {
  const row = await db
    .selectFrom('cycles as c')
    .leftJoin('team_cycle_stats as s', (join) => join.onRef('s.cycle_id', '=', 'c.id').on('s.team_id', '=', teamId))
    .where('c.id', '=', cycleId)
    .select(['c.label', 'c.status', 's.cycle_id as stats'])
    .executeTakeFirst();
  return row && { label: row.label, published: row.status === 'closed' && row.stats !== null };
}

/** Addresses of the active people invited from the team in that cycle: the team the results page speaks to. */
export async function invitedAddresses(
  db: Kysely<Database>,
  teamId: string,
  cycleId: string,
): Promise<{ email: string; language: string | null }[]> {
  const rows = await db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .where('i.team_id', '=', teamId)
    .where('i.cycle_id', '=', cycleId)
    .where('u.active', '=', true)
    .select(['u.email', 'u.language'])
    .orderBy('u.email')
    .execute();
  return rows;
}

export async function teamExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('teams').where('id', '=', id).select('id').executeTakeFirst()) !== undefined;
}
