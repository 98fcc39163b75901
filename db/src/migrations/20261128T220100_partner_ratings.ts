import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // As anonymous as a response: no member, no invitation, no token, no time finer than the
  // cycle. Only the rater's TEAM is kept, so that a provider's score can be required to come
  // from at least two customer teams. One row per provider rated, under a random id.
  await db.schema
    .createTable('partner_ratings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('provider_team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('rater_team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partner_ratings_cycle_idx').on('partner_ratings').columns(['cycle_id', 'provider_team_id']).execute();

  // Per cycle, provider and customer team: the moments of the ratings' 0–100 scores, stored
  // when the cycle closes so recomputing never rereads ratings. Never served.
  await db.schema
    .createTable('partner_cycle_moments')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('provider_team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('rater_team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('mean', 'float8', (c) => c.notNull())
    .addColumn('m2', 'float8', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_cycle_moments_pk', ['cycle_id', 'provider_team_id', 'rater_team_id'])
    .execute();

  // What read paths serve: each rated provider's total (rater_team_id null), visible or with its
  // reason, and the matrix cells that may be shown. A hidden cell has no row at all.
  await db.schema
    .createTable('partner_cycle_stats')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('provider_team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('rater_team_id', 'uuid', (c) => c.references('teams.id'))
    .addColumn('rater_teams', 'integer')
    .addColumn('reason', 'text')
    .addColumn('score', 'jsonb')
    .addCheckConstraint('partner_cycle_stats_hidden_check', sql`(score is null) = (reason is not null)`)
    .addCheckConstraint('partner_cycle_stats_cells_visible_check', sql`rater_team_id is null or score is not null`)
    .execute();
  await sql`
    create unique index partner_cycle_stats_key on partner_cycle_stats
    (cycle_id, provider_team_id, coalesce(rater_team_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);
  await db.schema
    .createIndex('partner_cycle_stats_provider_idx')
    .on('partner_cycle_stats')
    .columns(['provider_team_id', 'cycle_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['partner_cycle_stats', 'partner_cycle_moments', 'partner_ratings']) {
    await db.schema.dropTable(table).execute();
  }
}
