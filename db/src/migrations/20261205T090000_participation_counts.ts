import { sql, type Kysely } from 'kysely';

/**
 * Participation per team while a cycle is open, counted at most once every 24 hours: how many
 * were invited and how many have answered, as of `counted_at`. Only the latest count of a cycle
 * is kept. Counting seldom means a count that moves can't be matched with the moment somebody
 * was seen answering.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table participation_counts (
      cycle_id uuid not null references cycles (id) on delete cascade,
      team_id uuid not null references teams (id) on delete cascade,
      invited integer not null check (invited >= 0),
      responded integer not null check (responded >= 0 and responded <= invited),
      counted_at timestamptz not null,
      primary key (cycle_id, team_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('participation_counts').execute();
}
