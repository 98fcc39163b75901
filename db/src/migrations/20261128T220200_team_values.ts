import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Up to three values per team, each read "{value} even at the cost of {cost}".
  await db.schema
    .createTable('team_values')
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position between 1 and 3`))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('cost', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_values_pk', ['team_id', 'position'])
    .execute();

  // The alignment item's answers of a team's own members as (n, mean, m2); null: nobody
  // answered it (the team had no values). Like the other moments, never served.
  await db.schema
    .alterTable('team_cycle_moments')
    .addColumn('alignment', sql`float8[]`)
    .execute();
  // The served alignment score of a cell, only where it may be shown.
  await db.schema.alterTable('team_cycle_stats').addColumn('alignment', 'jsonb').execute();
  await sql`alter table team_cycle_stats add constraint team_cycle_stats_alignment_check check (alignment is null or not suppressed)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('team_cycle_stats').dropConstraint('team_cycle_stats_alignment_check').execute();
  await db.schema.alterTable('team_cycle_stats').dropColumn('alignment').execute();
  await db.schema.alterTable('team_cycle_moments').dropColumn('alignment').execute();
  await db.schema.dropTable('team_values').execute();
}
