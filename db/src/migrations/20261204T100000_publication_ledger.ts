import { sql, type Kysely } from 'kysely';

/**
 * The publication ledger (shared/src/insights/ledger.ts): per closed cycle, the threshold it was
 * first published at and every cell it showed, so no later decision shows anything else. The
 * served figures also record the threshold their reasons name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('published_cycles')
    .addColumn('cycle_id', 'uuid', (c) => c.primaryKey().references('cycles.id').onDelete('cascade'))
    .addColumn('threshold', 'smallint', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // `cell` is ledger.ts's publishedKey: figure and team (or provider|customer); n its respondents or ratings.
  await db.schema
    .createTable('published_cells')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('published_cycles.cycle_id').onDelete('cascade'))
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_cells_pkey', ['cycle_id', 'cell'])
    .execute();
  for (const table of ['team_cycle_stats', 'partner_cycle_stats']) {
    await db.schema.alterTable(table).addColumn('threshold', 'smallint').execute();
  }

  // What is served today is the best record there is of what was published: it becomes the
  // ledger of every cycle with figures, at the threshold they were built with.
  await sql`
    with k as (
      select coalesce(
        (select (value #>> '{}')::int from settings where key = 'figures_threshold' and jsonb_typeof(value) = 'number'),
        (select (value #>> '{}')::int from settings where key = 'anonymity_threshold' and jsonb_typeof(value) = 'number'),
        5) as threshold
    )
    insert into published_cycles (cycle_id, threshold)
    select distinct s.cycle_id, k.threshold from team_cycle_stats s cross join k`.execute(db);
  await sql`
    insert into published_cells (cycle_id, cell, n)
    select cycle_id, 'scores:' || coalesce(team_id::text, '@organisation'), responded from team_cycle_stats where not suppressed
    union all
    select cycle_id, 'alignment:' || coalesce(team_id::text, '@organisation'), (alignment ->> 'n')::int from team_cycle_stats where alignment is not null
    union all
    select cycle_id, case when rater_team_id is null then 'partner:' || provider_team_id else 'partner_cell:' || provider_team_id || '|' || rater_team_id end,
      (score ->> 'n')::int
    from partner_cycle_stats where score is not null and cycle_id in (select cycle_id from published_cycles)`.execute(db);
  await sql`update team_cycle_stats s set threshold = p.threshold from published_cycles p where p.cycle_id = s.cycle_id`.execute(db);
  await sql`update partner_cycle_stats s set threshold = p.threshold from published_cycles p where p.cycle_id = s.cycle_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['team_cycle_stats', 'partner_cycle_stats']) await db.schema.alterTable(table).dropColumn('threshold').execute();
  await db.schema.dropTable('published_cells').execute();
  await db.schema.dropTable('published_cycles').execute();
}
