import type { Database } from '@pulse/db';
import { hashToken, newToken } from '@pulse/server/plugins/auth';
import { sql, type Kysely } from 'kysely';
import { fullAnswers } from '../../support/pulse.js';

/** An open cycle whose invitations' link tokens are known, for load generators. */
export interface TokenCycle {
  cycleId: string;
  /** One unanswered link token per invited member. */
  tokens: string[];
}

/**
 * Opens a cycle for `count` active members (the first by id) with fresh link tokens, written
 * straight into the database as if their mail had gone out: no outbox to read back.
 */
export async function openCycleWithTokens(db: Kysely<Database>, count: number, label: string): Promise<TokenCycle> {
  const now = Date.now();
  const version = await currentQuestionnaireVersion(db);
  const cycle = await db
    .insertInto('cycles')
    .values({
      label,
      opens_at: new Date(now - 3_600_000),
      closes_at: new Date(now + 7 * 86_400_000),
      status: 'open',
      all_teams: true,
      questionnaire_version: version,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tokens = Array.from({ length: count }, () => newToken());
  const { numAffectedRows } = await sql`
    insert into invitations (cycle_id, user_id, team_id, token_hash, sent_at)
    select ${cycle.id}::uuid, u.id, u.team_id, h.hash, now()
    from (select id, team_id, row_number() over (order by id) as n from users where active and team_id is not null) u
    join unnest(${tokens.map(hashToken)}::text[]) with ordinality as h(hash, n) on h.n = u.n`.execute(db);
  if (Number(numAffectedRows) !== count) throw new Error(`Only ${String(numAffectedRows)} active members for ${count} invitations`);
  return { cycleId: cycle.id, tokens };
}

/** The version a cycle created now asks (eNPS on by default), which `validSubmission` answers. */
export async function currentQuestionnaireVersion(db: Kysely<Database>): Promise<number> {
  const { version } = await db
    .selectFrom('questionnaire_versions')
    .select('version')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return version;
}

/** `teams` teams of `perTeam` active members each, inserted in two statements. */
export async function seedMembers(db: Kysely<Database>, teams: number, perTeam: number): Promise<void> {
  await sql`
    with t as (
      insert into teams (name) select 'Load team ' || g from generate_series(1, ${teams}::int) g returning id
    )
    insert into users (email, name, role, team_id)
    select 'load-' || gen_random_uuid() || '@example.test', 'Load member', 'member', t.id
    from t cross join generate_series(1, ${perTeam}::int)`.execute(db);
}

/** A complete valid submission body: every item of a cycle created now answered (eNPS included). */
export const validSubmission = (value = 4) => JSON.stringify({ answers: fullAnswers(value) });
