import type { Database } from '@pulse/db';
import type { Kysely, Transaction } from 'kysely';

/** An invitation claimed for one mail, with what the mail needs. */
export interface ClaimedMail {
  id: string;
  email: string;
  name: string;
  label: string;
  closesAt: Date;
  /** The member's own language; null: the organisation's default. */
  language: string | null;
}

/**
 * Locks up to `limit` invitations of open cycles that still need the given mail. Rows another
 * instance holds are skipped, so two schedulers never claim the same one.
 */
export async function lockPendingMails(
  trx: Transaction<Database>,
  kind: 'invitation' | 'reminder',
  now: Date,
  limit: number,
): Promise<ClaimedMail[]> {
  let query = trx
    .selectFrom('invitations as i')
    .innerJoin('cycles as c', 'c.id', 'i.cycle_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.id', 'u.email', 'u.name', 'c.label', 'c.closes_at as closesAt', 'u.language'])
    .where('c.status', '=', 'open')
    .where('c.closes_at', '>', now)
    .where('u.active', '=', true);
  query =
    kind === 'invitation'
      ? query.where('i.sent_at', 'is', null)
      : query
          .where('c.remind_at', '<=', now)
          .where('i.answered', '=', false)
          .where('i.reminded_at', 'is', null)
          // Only those invited before the reminder date: a late first mail needs no reminder.
          .whereRef('i.sent_at', '<', 'c.remind_at');
  return query.orderBy('i.id').limit(limit).forUpdate('i').skipLocked().execute();
}

/** Records the mail as sent with its link's token hash, in the claiming transaction. */
export async function markMailSent(
  trx: Transaction<Database>,
  kind: 'invitation' | 'reminder',
  id: string,
  tokenHash: string,
  now: Date,
): Promise<void> {
  const set = kind === 'invitation' ? { token_hash: tokenHash, sent_at: now } : { reminder_token_hash: tokenHash, reminded_at: now };
  await trx.updateTable('invitations').set(set).where('id', '=', id).execute();
}

/** Marks cycles whose reminders went out (first time only). */
export async function markCyclesReminded(trx: Transaction<Database>, invitationIds: string[], now: Date): Promise<void> {
  if (!invitationIds.length) return;
  await trx
    .updateTable('cycles')
    .set({ reminded_at: now })
    .where('reminded_at', 'is', null)
    .where('id', 'in', (eb) => eb.selectFrom('invitations').select('cycle_id').where('id', 'in', invitationIds))
    .execute();
}

/** Undoes `markMailSent` after a failed delivery, so a later run retries with a new link. */
export async function releaseMail(db: Kysely<Database>, kind: 'invitation' | 'reminder', id: string, tokenHash: string): Promise<void> {
  const query = db.updateTable('invitations').where('id', '=', id);
  if (kind === 'invitation') await query.set({ sent_at: null }).where('token_hash', '=', tokenHash).execute();
  else await query.set({ reminded_at: null, reminder_token_hash: null }).where('reminder_token_hash', '=', tokenHash).execute();
}
