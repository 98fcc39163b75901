import type { Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';
import { hashToken, newToken } from '../plugins/auth.js';

/** The demo's conversation: Legal's leader answers a comment of the last closed pulse, the author answers back, the leader again. */
const MESSAGES = [
  { sender: 'leader', body: 'Thank you for saying it plainly. Which requests jump the queue most: new contracts or renewals?' },
  { sender: 'author', body: 'Renewals. They arrive on the last day of the quarter, all marked urgent.' },
  { sender: 'leader', body: 'Then we will ask Sales for renewals a month ahead; I will raise it at the planning on Monday.' },
] as const;

/**
 * One comment of Legal's last closed pulse gets a private conversation of three messages, all
 * dated the day the pulse closed. Returns the conversation's token so `npm run demo` can print
 * its page, as the thank-you page once showed it to the author.
 */
export async function seedDemoConversation(db: Kysely<Database>): Promise<string> {
  const cycle = await db
    .selectFrom('cycles')
    .select(['id', 'closes_at'])
    .where('status', '=', 'closed')
    .orderBy('opens_at', 'desc')
    .executeTakeFirstOrThrow();
  const comment = await db
    .selectFrom('responses as r')
    .innerJoin('teams as t', 't.id', 'r.team_id')
    .where('t.name', '=', 'Legal')
    .where('r.cycle_id', '=', cycle.id)
    .where(sql<boolean>`r.comment like 'Contract reviews%'`)
    .select('r.comment_id')
    .executeTakeFirstOrThrow();
  const token = newToken();
  await db
    .updateTable('responses')
    .set({ conversation_hash: hashToken(token) })
    .where('comment_id', '=', comment.comment_id)
    .execute();
  const day = cycle.closes_at.toISOString().slice(0, 10);
  await db
    .insertInto('conversation_messages')
    .values(MESSAGES.map((m) => ({ comment_id: comment.comment_id, sender: m.sender, body: m.body, sent_on: day })))
    .execute();
  return token;
}
