import { sql, type Kysely } from 'kysely';

/**
 * A leader's note to their team about a closed cycle ("what we heard, what we will do"), shown
 * on the members' results page. One per team and cycle; `mailed_at` marks the one mail to the
 * team, sent when the note is first written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table team_notes (
      team_id uuid not null references teams (id) on delete cascade,
      cycle_id uuid not null references cycles (id) on delete cascade,
      body text not null check (length(body) between 1 and 2000),
      author_id uuid references users (id) on delete set null,
      written_at timestamptz not null,
      mailed_at timestamptz,
      primary key (team_id, cycle_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('team_notes').execute();
}
