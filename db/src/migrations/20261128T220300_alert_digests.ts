import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Written in the transaction that closes a cycle: the alert episodes that were new or
  // escalated. Mailed after the commit; `sent_to` lets a failed delivery resume without
  // mailing anyone twice.
  await db.schema
    .createTable('alert_digests')
    .addColumn('cycle_id', 'uuid', (c) => c.primaryKey().references('cycles.id').onDelete('cascade'))
    .addColumn('episode_keys', sql`text[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('sent_to', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await sql`create index alert_digests_pending_idx on alert_digests (created_at) where sent_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_digests').execute();
}
