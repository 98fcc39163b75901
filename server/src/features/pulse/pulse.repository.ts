import type { CycleStatus, Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';

/** What a link's token opens: its invitation's state, cycle and team. */
export interface TokenTarget {
  answered: boolean;
  cycleId: string;
  label: string;
  closesAt: Date;
  status: CycleStatus;
  questionnaireVersion: number;
  teamId: string;
  teamName: string;
  /** The invitation's place among its team's invitations this cycle: it decides which partners are asked about. */
  rank: number;
}

/** The invitation whose first or reminder link has this token hash. */
export async function findByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<TokenTarget | undefined> {
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('cycles as c', 'c.id', 'i.cycle_id')
    .innerJoin('teams as t', 't.id', 'i.team_id')
    .where((eb) => eb.or([eb('i.token_hash', '=', tokenHash), eb('i.reminder_token_hash', '=', tokenHash)]))
    .select([
      'i.answered',
      'c.id as cycleId',
      'c.label',
      'c.closes_at as closesAt',
      'c.status',
      'c.questionnaire_version as questionnaireVersion',
      'i.team_id as teamId',
      't.name as teamName',
      (eb) =>
        eb
          .selectFrom('invitations as j')
          .whereRef('j.cycle_id', '=', 'i.cycle_id')
          .whereRef('j.team_id', '=', 'i.team_id')
          .whereRef('j.id', '<', 'i.id')
          .select(eb.fn.countAll<string>().as('n'))
          .as('rank'),
    ])
    .executeTakeFirst();
  return row && { ...row, rank: Number(row.rank ?? 0) };
}

/** What a response brings beyond its answers: partner ratings, and whether the team has values. */
export interface ResponseExtras {
  /** One per provider team rated: its id and the ratings' answers as JSON. */
  partners: { provider: string; answers: Record<string, number> }[];
  /** Whether the answers hold the values item; the claim checks the team's values agree. */
  withValues: boolean;
}

/**
 * Marks the invitation answered and stores the response in ONE statement, so it is both or
 * neither. Under concurrent submissions of one token PostgreSQL re-checks `not answered` on
 * the locked row, so exactly one statement inserts. The response copies only the cycle, the
 * team and the questionnaire version: nothing that leads back to the invitation.
 * Partner ratings go in with it, each its own row with only the cycle, the provider and the
 * rater's team: no member, no token, no time.
 * Resolves false when the invitation was already answered, its cycle is not open, or the
 * token is unknown, or its cycle asks another questionnaire version than `questionnaireVersion`
 * (the version the answers were checked against), or the team's values do not match
 * `extras.withValues` (a team with values must answer their item, one without cannot).
 */
export async function claimAndStoreResponse(
  db: Kysely<Database>,
  tokenHash: string,
  questionnaireVersion: number,
  answersJson: string,
  comment: string | null,
  now: Date,
  extras: ResponseExtras = { partners: [], withValues: false },
): Promise<boolean> {
  const result = await sql<{ stored: number }>`
    with claimed as (
      update invitations as i set answered = true
      from cycles as c
      where (i.token_hash = ${tokenHash} or i.reminder_token_hash = ${tokenHash})
        and not i.answered
        and c.id = i.cycle_id and c.status = 'open' and c.closes_at > ${now}
        and c.questionnaire_version = ${questionnaireVersion}
        and exists (select 1 from team_values v where v.team_id = i.team_id) = ${extras.withValues}::boolean
      returning i.cycle_id, i.team_id, c.questionnaire_version
    ),
    rated as (
      insert into partner_ratings (cycle_id, provider_team_id, rater_team_id, answers)
      select claimed.cycle_id, p.provider, claimed.team_id, p.answers
      from claimed cross join jsonb_to_recordset(${JSON.stringify(extras.partners)}::jsonb) as p(provider uuid, answers jsonb)
      returning 1
    )
    insert into responses (cycle_id, team_id, questionnaire_version, answers, comment)
    select cycle_id, team_id, questionnaire_version, ${answersJson}::jsonb, ${comment} from claimed
    returning 1 as stored`.execute(db);
  return result.rows.length === 1;
}

/**
 * The statement that stores a response also marks its invitation answered, so both rows carry
 * the same transaction id (the `xmin` system column): a database administrator could join
 * them and learn who gave which answers (and partner ratings, stored in the same statement).
 * Once anything has changed since the last pass, this rewrites every answered invitation, every
 * response and every partner rating of the cycle in one transaction, which gives them all one
 * shared `xmin` and breaks the link. (Old row versions remain on disk until
 * vacuum; docs/pulses.md says so.) The cycle row is touched too: its `xmin` marks the pass.
 */
export async function blurAnswerTrail(db: Kysely<Database>, cycleId: string): Promise<void> {
  await sql`
    with mark as (select xmin::text as x from cycles where id = ${cycleId}),
    fresh as (
      select exists (select 1 from responses where cycle_id = ${cycleId} and xmin::text <> (select x from mark))
          or exists (select 1 from partner_ratings where cycle_id = ${cycleId} and xmin::text <> (select x from mark))
          or exists (select 1 from invitations where cycle_id = ${cycleId} and answered and xmin::text <> (select x from mark))
        as changed
    ),
    invitations_rewritten as (
      update invitations set answered = answered
      where cycle_id = ${cycleId} and answered and (select changed from fresh) returning 1
    ),
    responses_rewritten as (
      update responses set questionnaire_version = questionnaire_version
      where cycle_id = ${cycleId} and (select changed from fresh) returning 1
    ),
    ratings_rewritten as (
      update partner_ratings set answers = answers
      where cycle_id = ${cycleId} and (select changed from fresh) returning 1
    )
    update cycles set reminded_at = reminded_at where id = ${cycleId} and (select changed from fresh)`.execute(db);
}
