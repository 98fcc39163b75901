import { sql, type Kysely } from 'kysely';

/**
 * Answering a pulse claims the invitation and stores the response (and any partner ratings)
 * in one call of this function, so it is still one statement: both or neither. It is a
 * PL/pgSQL function because PostgreSQL keeps the plans of a function's statements for the
 * session; sent as a plain statement the claim was planned again on every answer, and the
 * planning cost more than running it (docs/benchmarks.md).
 *
 * Under concurrent calls with one token PostgreSQL re-checks `not answered` on the locked row,
 * so exactly one call stores. The response copies only the cycle, the team and the
 * questionnaire version; each partner rating only the cycle, the provider and the rater's team:
 * nothing that leads back to the invitation. Returns false, storing nothing, when no open
 * cycle of `version_in` has an unanswered invitation with this token hash (first or reminder
 * link) whose team's having values equals `with_values_in`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function claim_pulse_response(
      token_hash_in text,
      version_in integer,
      answers_in jsonb,
      comment_in text,
      now_in timestamptz,
      partners_in jsonb,
      with_values_in boolean
    ) returns boolean language plpgsql as $$
    declare
      claimed_cycle uuid;
      claimed_team uuid;
    begin
      update invitations as i set answered = true
      from cycles as c
      where (i.token_hash = token_hash_in or i.reminder_token_hash = token_hash_in)
        and not i.answered
        and c.id = i.cycle_id and c.status = 'open' and c.closes_at > now_in
        and c.questionnaire_version = version_in
        and exists (select 1 from team_values v where v.team_id = i.team_id) = with_values_in
      returning i.cycle_id, i.team_id into claimed_cycle, claimed_team;
      if not found then
        return false;
      end if;
      insert into partner_ratings (cycle_id, provider_team_id, rater_team_id, answers)
      select claimed_cycle, p.provider, claimed_team, p.answers
      from jsonb_to_recordset(partners_in) as p(provider uuid, answers jsonb);
      insert into responses (cycle_id, team_id, questionnaire_version, answers, comment)
      values (claimed_cycle, claimed_team, version_in, answers_in, comment_in);
      return true;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function claim_pulse_response(text, integer, jsonb, text, timestamptz, jsonb, boolean)`.execute(db);
}
