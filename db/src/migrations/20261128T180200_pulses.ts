import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cycles')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('remind_at', 'timestamptz')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status in ('scheduled', 'open', 'closed')`),
    )
    .addColumn('all_teams', 'boolean', (c) => c.notNull())
    .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addCheckConstraint('cycles_window_check', sql`closes_at > opens_at`)
    .execute();
  await db.schema.createIndex('cycles_opens_at_idx').on('cycles').column('opens_at').execute();

  await db.schema
    .createTable('cycle_teams')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addPrimaryKeyConstraint('cycle_teams_pk', ['cycle_id', 'team_id'])
    .execute();

  // Who was invited and whether they answered: never what they answered.
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('answered', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addUniqueConstraint('invitations_cycle_user_key', ['cycle_id', 'user_id'])
    .execute();
  await db.schema.createIndex('invitations_cycle_team_idx').on('invitations').columns(['cycle_id', 'team_id']).execute();

  // Anonymous by construction: no member, no token, no timestamp finer than the cycle.
  await db.schema
    .createTable('responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('responses_cycle_team_idx').on('responses').columns(['cycle_id', 'team_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['responses', 'invitations', 'cycle_teams', 'cycles']) {
    await db.schema.dropTable(table).execute();
  }
}
