import type { Database, DeliveryChannel, DeliveryKind } from '@pulse/db';
import type { Kysely } from 'kysely';

/** The connected Slack workspace, its token still sealed. */
export async function readSlack(db: Kysely<Database>) {
  return db.selectFrom('chat_integrations').selectAll().where('provider', '=', 'slack').executeTakeFirst();
}

export async function saveSlack(db: Kysely<Database>, row: { tokenCiphertext: string; workspace: string; by: string; now: Date }) {
  const values = {
    token_ciphertext: row.tokenCiphertext,
    workspace: row.workspace,
    status: 'connected' as const,
    connected_at: row.now,
    connected_by: row.by,
  };
  await db
    .insertInto('chat_integrations')
    .values({ provider: 'slack', ...values })
    .onConflict((oc) => oc.column('provider').doUpdateSet(values))
    .execute();
}

/** Slack refused the token: nothing more goes to Slack until an admin connects again. */
export async function markSlackRevoked(db: Kysely<Database>, tokenCiphertext: string): Promise<void> {
  await db
    .updateTable('chat_integrations')
    .set({ status: 'revoked' })
    .where('provider', '=', 'slack')
    .where('token_ciphertext', '=', tokenCiphertext)
    .execute();
}

export async function deleteSlack(db: Kysely<Database>): Promise<boolean> {
  const result = await db.deleteFrom('chat_integrations').where('provider', '=', 'slack').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Claims one message for delivery: false when it was delivered already (by whichever
 * channel), so it is never sent twice.
 */
export async function claimDelivery(
  db: Kysely<Database>,
  kind: DeliveryKind,
  ref: string,
  channel: DeliveryChannel,
  now: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('message_deliveries')
    .values({ kind, ref, channel, created_at: now })
    .onConflict((oc) => oc.columns(['kind', 'ref']).doNothing())
    .returning('ref')
    .executeTakeFirst();
  return row !== undefined;
}

/** Records that another channel carried the message, and why the first did not. */
export async function recordFallback(
  db: Kysely<Database>,
  kind: DeliveryKind,
  ref: string,
  channel: DeliveryChannel,
  reason: string | null,
): Promise<void> {
  await db
    .updateTable('message_deliveries')
    .set({ channel, fallback_reason: reason })
    .where('kind', '=', kind)
    .where('ref', '=', ref)
    .execute();
}

/** Frees a claim whose every channel failed, so a later pass sends it. */
export async function releaseDelivery(db: Kysely<Database>, kind: DeliveryKind, ref: string): Promise<void> {
  await db.deleteFrom('message_deliveries').where('kind', '=', kind).where('ref', '=', ref).execute();
}

/**
 * Counts per kind, channel and fallback reason: never who. Reminders are one total: split by
 * channel or reason they would tell apart members in Slack from the rest among those who had
 * not answered (one member outside Slack, one reminder by mail: that member had not answered).
 */
export async function deliveryCounts(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('message_deliveries')
    .select((eb) => [
      'kind',
      eb.case().when('kind', '=', 'reminder').then(null).else(eb.ref('channel')).end().as('channel'),
      eb.case().when('kind', '=', 'reminder').then(null).else(eb.ref('fallback_reason')).end().as('fallback_reason'),
      eb.fn.countAll<number>().as('count'),
    ])
    .groupBy(['kind', 'channel', 'fallback_reason'])
    .execute();
  const merged = new Map<string, { kind: DeliveryKind; channel: DeliveryChannel | null; fallbackReason: string | null; count: number }>();
  for (const r of rows) {
    const key = `${r.kind}/${r.channel ?? ''}/${r.fallback_reason ?? ''}`;
    const row = merged.get(key) ?? { kind: r.kind, channel: r.channel, fallbackReason: r.fallback_reason, count: 0 };
    row.count += Number(r.count);
    merged.set(key, row);
  }
  return [...merged.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
}

export async function saveTeamsWebhook(db: Kysely<Database>, teamId: string, urlCiphertext: string, now: Date): Promise<void> {
  await db
    .insertInto('team_chat_webhooks')
    .values({ team_id: teamId, url_ciphertext: urlCiphertext, created_at: now })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ url_ciphertext: urlCiphertext, created_at: now }))
    .execute();
}

export async function deleteTeamsWebhook(db: Kysely<Database>, teamId: string): Promise<boolean> {
  const result = await db.deleteFrom('team_chat_webhooks').where('team_id', '=', teamId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every team with a Teams workflow, sealed URL included (for delivery; never sent out). */
export async function teamsWebhooks(db: Kysely<Database>) {
  return db
    .selectFrom('team_chat_webhooks as w')
    .innerJoin('teams as t', 't.id', 'w.team_id')
    .select(['w.team_id as teamId', 't.name as teamName', 'w.url_ciphertext as sealed'])
    .orderBy('t.name')
    .execute();
}

export async function teamExists(db: Kysely<Database>, teamId: string): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()) !== undefined;
}
