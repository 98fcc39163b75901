import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../plugins/auth.js';
import { demoAccounts } from './demo-organisation.js';

/**
 * What Legal's members see of the last closed pulse: its leader's note (written and mailed
 * the day it closed) and one member's pulse link of that cycle, returned so `npm run demo` can
 * print it (every other demo link of a closed cycle was never kept).
 */
export async function seedDemoResults(db: Kysely<Database>): Promise<string> {
  const cycle = await db
    .selectFrom('cycles')
    .select(['id', 'closes_at'])
    .where('status', '=', 'closed')
    .orderBy('opens_at', 'desc')
    .executeTakeFirstOrThrow();
  const legal = await db.selectFrom('teams').select('id').where('name', '=', 'Legal').executeTakeFirstOrThrow();
  const leader = await db.selectFrom('users').select('id').where('email', '=', demoAccounts.leaders[0].email).executeTakeFirstOrThrow();
  await db
    .insertInto('team_notes')
    .values({
      team_id: legal.id,
      cycle_id: cycle.id,
      author_id: leader.id,
      body: 'What we heard: drive-thru requests keep breaking our focus, and we feel cut off from the teams we serve. What we will do: the request menu is live, and each of us joins one customer team’s planning this quarter.',
      written_at: cycle.closes_at,
      mailed_at: cycle.closes_at,
    })
    .execute();
  const token = newToken();
  const invitation = await db
    .selectFrom('invitations')
    .select('id')
    .where('cycle_id', '=', cycle.id)
    .where('team_id', '=', legal.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('invitations')
    .set({ token_hash: hashToken(token) })
    .where('id', '=', invitation.id)
    .execute();
  return token;
}
