import { sql, type Kysely } from 'kysely';

/**
 * Answering marks an invitation answered. `answered` is in no index, so PostgreSQL can update
 * the row in place (a HOT update: no new entries in the table's five indexes) when its page
 * has room. Full pages, which a month's bulk insert of invitations leaves, deny that room.
 * Leaving 30% of each new page free makes most of those updates HOT (docs/benchmarks.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table invitations set (fillfactor = 70)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table invitations reset (fillfactor)`.execute(db);
}
