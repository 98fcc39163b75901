import type { Database } from '@pulse/db';
import { remedies } from '@pulse/shared/insights';
import type { Kysely } from 'kysely';
import { demoAccounts } from './demo-organisation.js';

const DAY = 86_400_000;

/** Answers 1–5 for `count` raters, deterministic, around `centre`. */
const ratings = (count: number, centre: number) =>
  Array.from({ length: count }, (_, i) => Math.min(5, Math.max(1, centre + ((i * 7) % 3) - 1)));

/**
 * The demo's actions, once its cycles are closed: Legal's leader answered the fortress alert
 * with a request menu for drive-thru requests two cycles ago (the team rated it in the last
 * closed pulse; too early for an effect), and Mobile's resolved dip had a joint review with
 * Platform that ran while Mobile recovered (done, with its effect).
 */
export async function seedDemoActions(db: Kysely<Database>): Promise<void> {
  const cycles = await db
    .selectFrom('cycles')
    .select(['id', 'opens_at', 'closes_at'])
    .where('status', '=', 'closed')
    .orderBy('opens_at')
    .execute();
  const team = async (name: string) => (await db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const user = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const [legalLeader, productLeader] = await Promise.all(demoAccounts.leaders.map((l) => user(l.email)));
  const legal = await team('Legal');
  const mobile = await team('Mobile');

  // Legal: started between the last two closed cycles, so only the last one followed it.
  const last = cycles.at(-1)!;
  const fortress = await db
    .selectFrom('alerts')
    .select('id')
    .where('team_id', '=', legal)
    .where('kind', '=', 'fortress')
    .where('status', '<>', 'resolved')
    .executeTakeFirst();
  const menu = await db
    .insertInto('actions')
    .values({
      team_id: legal,
      title: 'Publish a request menu for drive-thru requests',
      construct: 'openness',
      alert_id: fortress?.id ?? null,
      remedy: remedies.requestMenu,
      status: 'in_progress',
      owner_id: legalLeader!,
      due_at: new Date(last.closes_at.getTime() + 60 * DAY).toISOString().slice(0, 10),
      created_by: legalLeader!,
      created_at: new Date(last.opens_at.getTime() - 5 * DAY),
      started_at: new Date(last.opens_at.getTime() - 3 * DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('action_answers')
    .values(ratings(8, 3).map((answer) => ({ cycle_id: last.id, action_id: menu.id, answer })))
    .execute();

  // Mobile: a joint review with Platform, started the cycle after its dip was first flagged and
  // finished when the alert resolved.
  const dip = await db
    .selectFrom('alerts')
    .select(['id', 'started_cycle_id', 'resolved_cycle_id'])
    .where('team_id', '=', mobile)
    .orderBy('level', 'desc')
    .executeTakeFirst();
  const flagged = cycles.findIndex((c) => c.id === dip?.started_cycle_id);
  const resolved = cycles.findIndex((c) => c.id === dip?.resolved_cycle_id);
  const start = cycles[Math.max(1, flagged + 1)]!;
  const end = cycles[resolved > flagged + 1 ? resolved : Math.min(cycles.length - 1, flagged + 4)]!;
  const review = await db
    .insertInto('actions')
    .values({
      team_id: mobile,
      title: 'Standing joint review with Platform',
      construct: 'relatedness',
      alert_id: dip?.id ?? null,
      remedy: remedies.jointReview,
      status: 'done',
      owner_id: productLeader!,
      due_at: new Date(end.closes_at.getTime()).toISOString().slice(0, 10),
      note: 'Monthly reviews are now part of both teams’ planning.',
      created_by: productLeader!,
      created_at: new Date(start.opens_at.getTime() - 6 * DAY),
      started_at: new Date(start.opens_at.getTime() - 4 * DAY),
      finished_at: new Date(end.closes_at.getTime() + DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const during = cycles.filter((c) => c.opens_at >= start.opens_at && c.opens_at <= end.opens_at);
  for (const [i, cycle] of during.entries()) {
    await db
      .insertInto('action_answers')
      .values(ratings(6, Math.min(4, 3 + i)).map((answer) => ({ cycle_id: cycle.id, action_id: review.id, answer })))
      .execute();
  }
}
