import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The hierarchy as it was when a cycle closed: history keeps its own roll-ups, so a later
  // move cannot turn two versions of one figure into a difference that reveals a small group.
  await db.schema
    .createTable('cycle_tree')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('parent_id', 'uuid', (c) => c.references('teams.id'))
    .addPrimaryKeyConstraint('cycle_tree_pk', ['cycle_id', 'team_id'])
    .execute();

  // Each team's own respondents per cycle, as running moments per measure: what the engine
  // needs to recompute every cycle without rereading every answer. Never served.
  await db.schema
    .createTable('team_cycle_moments')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('invited', 'integer', (c) => c.notNull())
    .addColumn('moments', sql`float8[]`, (c) => c.notNull())
    .addPrimaryKeyConstraint('team_cycle_moments_pk', ['cycle_id', 'team_id'])
    .execute();

  // What every read path serves: one row per (cycle, team subtree), figures only when visible.
  // team_id null is the whole organisation.
  await db.schema
    .createTable('team_cycle_stats')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id'))
    .addColumn('invited', 'integer', (c) => c.notNull())
    .addColumn('responded', 'integer', (c) => c.notNull())
    .addColumn('suppressed', 'boolean', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('scores', 'jsonb')
    .addColumn('fortress_index', 'float8')
    .addCheckConstraint('team_cycle_stats_hidden_check', sql`suppressed = (scores is null) and suppressed = (reason is not null)`)
    .execute();
  await sql`
    create unique index team_cycle_stats_key on team_cycle_stats
    (cycle_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);
  await db.schema.createIndex('team_cycle_stats_team_idx').on('team_cycle_stats').columns(['team_id', 'cycle_id']).execute();

  // One row per alert episode: consecutive cycles flagging the same team and kind.
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('episode_key', 'text', (c) => c.notNull().unique())
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('fortress', 'pressure', 'need_drop', 'participation')`))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('watch', 'warning', 'critical')`))
    .addColumn('started_cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('signals', 'jsonb', (c) => c.notNull())
    .addColumn('actions', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'acknowledged', 'resolved')`))
    .addColumn('resolved_cycle_id', 'uuid', (c) => c.references('cycles.id').onDelete('set null'))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('acknowledged_level', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('alerts_status_team_idx').on('alerts').columns(['status', 'team_id']).execute();
  await db.schema.createIndex('alerts_team_idx').on('alerts').column('team_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['alerts', 'team_cycle_stats', 'team_cycle_moments', 'cycle_tree']) {
    await db.schema.dropTable(table).execute();
  }
}
