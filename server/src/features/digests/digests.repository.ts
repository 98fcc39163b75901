import { alertSeverityRank, type Database } from '@pulse/db';
import type { AlertLevel } from '@pulse/shared';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';

/** Queues a cycle's new or escalated alert episodes; mailed once the close has committed. */
export async function queueDigest(trx: Transaction<Database>, cycleId: string, keys: readonly string[]): Promise<void> {
  await trx
    .insertInto('alert_digests')
    .values({ cycle_id: cycleId, episode_keys: [...keys] })
    .onConflict((oc) => oc.column('cycle_id').doUpdateSet({ episode_keys: [...keys], sent_at: null }))
    .execute();
}

export interface ClaimedDigest {
  cycle_id: string;
  episode_keys: string[];
  sent_to: string[];
}

/**
 * Claims the oldest unsent digest, marking it sent in the same statement, so two instances
 * never mail the same one. Resolves undefined when none waits.
 */
export async function claimDigest(db: Kysely<Database>, now: Date): Promise<ClaimedDigest | undefined> {
  const result = await sql<ClaimedDigest>`
    update alert_digests set sent_at = ${now}
    where cycle_id = (
      select cycle_id from alert_digests where sent_at is null order by created_at limit 1 for update skip locked
    )
    returning cycle_id, episode_keys, sent_to`.execute(db);
  return result.rows[0];
}

/** Records who has their digest; `release` puts it back in the queue for a later pass. */
export async function recordSent(db: Kysely<Database>, cycleId: string, sentTo: readonly string[], release: boolean): Promise<void> {
  await db
    .updateTable('alert_digests')
    .set({ sent_to: [...sentTo], ...(release ? { sent_at: null } : {}) })
    .where('cycle_id', '=', cycleId)
    .execute();
}

export interface DigestAlertRow {
  team_id: string;
  team_name: string;
  cycle_id: string;
  cycle_label: string;
  kind: string;
  level: AlertLevel;
  signals: Selectable<Database['alerts']>['signals'];
  /** Whether the team's own cell and its partner score are shown in the alert's cycle. */
  own_visible: boolean;
  partner_visible: boolean;
}

/** The still-open alerts behind the given episode keys, with what their cycle may show. */
export async function digestAlerts(db: Kysely<Database>, keys: readonly string[]): Promise<DigestAlertRow[]> {
  if (!keys.length) return [];
  const rows = await sql<DigestAlertRow>`
    select a.team_id, t.name as team_name, a.cycle_id, c.label as cycle_label, a.kind, a.level, a.signals,
      coalesce((select not s.suppressed from team_cycle_stats s where s.cycle_id = a.cycle_id and s.team_id = a.team_id), false) as own_visible,
      exists (select 1 from partner_cycle_stats p
              where p.cycle_id = a.cycle_id and p.provider_team_id = a.team_id and p.rater_team_id is null and p.score is not null) as partner_visible
    from alerts a join teams t on t.id = a.team_id join cycles c on c.id = a.cycle_id
    where a.episode_key in (${sql.join([...keys])}) and a.status <> 'resolved'
    order by ${alertSeverityRank('a.level')}, t.name, a.kind`.execute(db);
  return rows.rows;
}

/** Active leaders with every team they lead or that lies beneath one they lead. */
export async function leaderScopes(db: Kysely<Database>): Promise<{ id: string; email: string; name: string; team_id: string }[]> {
  const rows = await sql<{ id: string; email: string; name: string; team_id: string }>`
    with recursive scoped(user_id, team_id) as (
      select user_id, team_id from team_leaders
      union
      select s.user_id, t.id from teams t join scoped s on t.parent_id = s.team_id
    )
    select u.id, u.email, u.name, s.team_id from scoped s join users u on u.id = s.user_id
    where u.active and u.role = 'leader'`.execute(db);
  return rows.rows;
}

/** Active HR people, who get the organisation digest. */
export async function hrPeople(db: Kysely<Database>): Promise<{ id: string; email: string; name: string }[]> {
  return db
    .selectFrom('users')
    .where('role', '=', 'hr')
    .where('active', '=', true)
    .select(['id', 'email', 'name'])
    .orderBy('email')
    .execute();
}

/** Each of these people's own language (null: the organisation's default). */
export async function languagesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').where('id', 'in', ids).select(['id', 'language']).execute();
  return new Map(rows.map((r) => [r.id, r.language]));
}
