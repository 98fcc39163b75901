import { sql, type Kysely } from 'kysely';

/**
 * The claim of 20261128T233000_claim_function, now also storing the answers about the team's
 * actions in progress (`actions_in`: `[{ action, answer }]`) in the same statement: both or
 * neither. Each answer row copies only the cycle and the action: nothing that leads back to the
 * invitation, not even the rater's team.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop function claim_pulse_response(text, integer, jsonb, text, timestamptz, jsonb, boolean)`.execute(db);
  await sql`
    create function claim_pulse_response(
      token_hash_in text,
      version_in integer,
      answers_in jsonb,
      comment_in text,
      now_in timestamptz,
      partners_in jsonb,
      with_values_in boolean,
      actions_in jsonb
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
      insert into action_answers (cycle_id, action_id, answer)
      select claimed_cycle, a.action, a.answer
      from jsonb_to_recordset(actions_in) as a(action uuid, answer smallint);
      insert into responses (cycle_id, team_id, questionnaire_version, answers, comment)
      values (claimed_cycle, claimed_team, version_in, answers_in, comment_in);
      return true;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function claim_pulse_response(text, integer, jsonb, text, timestamptz, jsonb, boolean, jsonb)`.execute(db);
}
