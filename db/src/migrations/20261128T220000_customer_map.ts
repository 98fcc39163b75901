import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The internal customer map: `customer_team_id` relies on `provider_team_id`.
  await db.schema
    .createTable('team_customers')
    .addColumn('provider_team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('customer_team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('relationship', 'text', (c) => c.notNull().check(sql`relationship in ('drive_thru', 'strategic')`))
    .addPrimaryKeyConstraint('team_customers_pk', ['provider_team_id', 'customer_team_id'])
    .addCheckConstraint('team_customers_not_self_check', sql`provider_team_id <> customer_team_id`)
    .execute();
  // The pulse looks up the providers of a respondent's team.
  await db.schema.createIndex('team_customers_customer_idx').on('team_customers').column('customer_team_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('team_customers').execute();
}
