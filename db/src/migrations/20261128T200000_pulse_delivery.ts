import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The month a scheduled cycle belongs to ('2026-12'); unique, so two scheduler instances
  // racing to open the same month create one cycle. Null for cycles HR creates by hand.
  await db.schema
    .alterTable('cycles')
    .addColumn('schedule_period', 'text', (c) => c.unique())
    .execute();

  // Only a hash of each link's token is stored, so a reminder cannot repeat the first link:
  // it carries a second token, and both stay valid until the invitation is used.
  await db.schema
    .alterTable('invitations')
    .addColumn('reminder_token_hash', 'text', (c) => c.unique())
    .execute();

  // Delivery and reminders look for unsent or unreminded invitations of open cycles.
  await sql`create index invitations_unsent_idx on invitations (cycle_id) where sent_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index invitations_unsent_idx`.execute(db);
  await db.schema.alterTable('invitations').dropColumn('reminder_token_hash').execute();
  await db.schema.alterTable('cycles').dropColumn('schedule_period').execute();
}
