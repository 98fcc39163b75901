import { claimPulseResponse, type CycleStatus, type Database } from '@pulse/db';
import { CompiledQuery, sql, type Kysely } from 'kysely';

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
  /** The member's own language, null when they have none (then the organisation's default). */
  memberLanguage: string | null;
  /** The invitation's place among its team's invitations this cycle: it decides which partners are asked about. */
  rank: number;
}

/** The invitation whose first or reminder link has this token hash. */
export async function findByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<TokenTarget | undefined> {
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('cycles as c', 'c.id', 'i.cycle_id')
    .innerJoin('teams as t', 't.id', 'i.team_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
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
      'u.language as memberLanguage',
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
  /** Answers about the team's actions in progress: the action and the 1–5 answer, nothing else. */
  actions?: { action: string; answer: number }[];
}

/**
 * Marks the invitation answered and stores the response, with its partner ratings, in ONE
 * statement (a call of `claim_pulse_response`, whose migration says why it is a function, sent
 * as a named statement so each PostgreSQL connection parses and plans the call once):
 * both or neither, and under concurrent submissions of one token exactly one stores. The
 * response copies only the cycle, the team, the questionnaire version, the comment and its
 * conversation's token hash; each rating only the
 * cycle, the provider and the rater's team: nothing that leads back to the invitation.
 * Resolves false when the invitation was already answered, its cycle is not open, or the
 * token is unknown, or its cycle asks another questionnaire version than `questionnaireVersion`
 * (the version the answers were checked against), or the team's values do not match
 * `extras.withValues` (a team with values must answer their item, one without cannot).
 * The same statement counts the response's language for its cycle (never on the response):
 * `answeredIn.lang` (the page's `?lang=`), else the member's own, else `answeredIn.browser`
 * (from `Accept-Language`), else the organisation's default.
 */
export async function claimAndStoreResponse(
  db: Kysely<Database>,
  tokenHash: string,
  questionnaireVersion: number,
  answersJson: string,
  written: { comment: string | null; conversationHash: string | null },
  now: Date,
  extras: ResponseExtras = { partners: [], withValues: false },
  answeredIn: { lang?: string | undefined; browser?: string | undefined } = {},
): Promise<boolean> {
  const parameters = [
    tokenHash,
    questionnaireVersion,
    answersJson,
    written.comment,
    now,
    JSON.stringify(extras.partners),
    extras.withValues,
    JSON.stringify(extras.actions ?? []),
    written.conversationHash,
    answeredIn.lang ?? null,
    answeredIn.browser ?? null,
  ];
  const result = await db.executeQuery<{ stored: boolean }>(CompiledQuery.raw(claimPulseResponse.text, parameters));
  return result.rows[0]?.stored === true;
}

/**
 * The statement that stores a response also marks its invitation answered, so both rows carry
 * the same transaction id (the `xmin` system column): a database administrator could join
 * them and learn who gave which answers (and partner ratings, stored in the same statement).
 * Once anything has changed since the last pass, this rewrites every answered invitation, every
 * response, every partner rating and the cycle's language counts (whose latest version would
 * otherwise share the last response's `xmin`) in one transaction, which gives them all one
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
          or exists (select 1 from action_answers where cycle_id = ${cycleId} and xmin::text <> (select x from mark))
          or exists (select 1 from cycle_language_counts where cycle_id = ${cycleId} and xmin::text <> (select x from mark))
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
    ),
    action_answers_rewritten as (
      update action_answers set answer = answer
      where cycle_id = ${cycleId} and (select changed from fresh) returning 1
    ),
    language_counts_rewritten as (
      update cycle_language_counts set responses = responses
      where cycle_id = ${cycleId} and (select changed from fresh) returning 1
    )
    update cycles set reminded_at = reminded_at where id = ${cycleId} and (select changed from fresh)`.execute(db);
}
