import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A team's committed answer to an alert or a need: planned → in_progress → done, or dropped
  // with a reason. Every change is also written to the audit log.
  await db.schema
    .createTable('actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('construct', 'text', (c) => c.check(sql`construct in ('autonomy', 'competence', 'relatedness', 'openness')`))
    .addColumn('alert_id', 'uuid', (c) => c.references('alerts.id').onDelete('set null'))
    .addColumn('remedy', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planned')
        .check(sql`status in ('planned', 'in_progress', 'done', 'dropped')`),
    )
    .addColumn('owner_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_at', 'date')
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint('actions_started_check', sql`(status = 'planned') = (started_at is null) or status = 'dropped'`)
    .addCheckConstraint('actions_dropped_note_check', sql`status <> 'dropped' or note is not null`)
    .execute();
  await db.schema.createIndex('actions_team_idx').on('actions').columns(['team_id', 'created_at']).execute();
  await db.schema.createIndex('actions_alert_idx').on('actions').column('alert_id').execute();

  // A team's answers to "This change is making a difference for us" about an action in progress.
  // As anonymous as a response: no member, no invitation, no team of the rater, no time finer
  // than the cycle; stored in the statement that claims the invitation (migration T130100).
  await db.schema
    .createTable('action_answers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('action_id', 'uuid', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('answer', 'smallint', (c) => c.notNull().check(sql`answer between 1 and 5`))
    .execute();
  await db.schema.createIndex('action_answers_action_idx').on('action_answers').columns(['action_id', 'cycle_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('action_answers').execute();
  await db.schema.dropTable('actions').execute();
}
