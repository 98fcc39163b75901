import { sql, type Kysely } from 'kysely';

/**
 * Delivery through chat. `chat_integrations` holds one connected workspace per provider (today
 * only Slack), its bot token encrypted with PULSE_SECRET_KEY (AES-256-GCM); `team_chat_webhooks`
 * one Microsoft Teams workflow URL per team (encrypted too: the URL is its own credential) for
 * the leaders' digest; `message_deliveries` one row per message sent, whichever channel carried
 * it, so no message goes out twice across channels.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table chat_integrations (
      provider text primary key check (provider in ('slack')),
      token_ciphertext text not null,
      workspace text not null,
      status text not null check (status in ('connected', 'revoked')),
      connected_at timestamptz not null,
      connected_by uuid references users (id) on delete set null
    )`.execute(db);
  await sql`
    create table team_chat_webhooks (
      team_id uuid primary key references teams (id) on delete cascade,
      url_ciphertext text not null,
      created_at timestamptz not null
    )`.execute(db);
  // ref: the invitation's id for invitations and reminders, cycle and recipient for a digest.
  await sql`
    create table message_deliveries (
      kind text not null check (kind in ('invitation', 'reminder', 'digest', 'team_digest')),
      ref text not null,
      channel text not null check (channel in ('slack', 'mail', 'teams')),
      fallback_reason text,
      created_at timestamptz not null,
      primary key (kind, ref)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('message_deliveries').execute();
  await db.schema.dropTable('team_chat_webhooks').execute();
  await db.schema.dropTable('chat_integrations').execute();
}
