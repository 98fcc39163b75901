import { sql, type Kysely } from 'kysely';

/**
 * How many responses of a cycle were given in each language, for the whole organisation: never
 * per team, and never on the response row (a language one person in a team speaks would name
 * them). The claim of 20261205T100100_conversations takes two more arguments and counts the
 * response's language in the same statement: `language_in` (the `?lang=` the page asked in) and
 * `accept_language_in` (the first language of `Accept-Language` Pulse speaks). The language is
 * chosen as the pulse page chose it: `?lang=`, else the member's own, else the browser's, else the
 * organisation's default (the `default_language` setting), else English. The count is the
 * function's last write, so its row is locked for as short a time as possible.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cycle_language_counts (
      cycle_id uuid not null references cycles (id) on delete cascade,
      language text not null,
      responses integer not null check (responses > 0),
      primary key (cycle_id, language)
    )`.execute(db);
  await sql`drop function claim_pulse_response(text, integer, jsonb, text, timestamptz, jsonb, boolean, jsonb, text)`.execute(db);
  await sql`
    create function claim_pulse_response(
      token_hash_in text,
      version_in integer,
      answers_in jsonb,
      comment_in text,
      now_in timestamptz,
      partners_in jsonb,
      with_values_in boolean,
      actions_in jsonb,
      conversation_hash_in text,
      language_in text,
      accept_language_in text
    ) returns boolean language plpgsql as $$
    declare
      claimed_cycle uuid;
      claimed_team uuid;
      claimed_user uuid;
      answered_in text;
    begin
      update invitations as i set answered = true
      from cycles as c
      where (i.token_hash = token_hash_in or i.reminder_token_hash = token_hash_in)
        and not i.answered
        and c.id = i.cycle_id and c.status = 'open' and c.closes_at > now_in
        and c.questionnaire_version = version_in
        and exists (select 1 from team_values v where v.team_id = i.team_id) = with_values_in
      returning i.cycle_id, i.team_id, i.user_id into claimed_cycle, claimed_team, claimed_user;
      if not found then
        return false;
      end if;
      insert into partner_ratings (cycle_id, provider_team_id, rater_team_id, answers)
      select claimed_cycle, p.provider, claimed_team, p.answers
      from jsonb_to_recordset(partners_in) as p(provider uuid, answers jsonb);
      insert into action_answers (cycle_id, action_id, answer)
      select claimed_cycle, a.action, a.answer
      from jsonb_to_recordset(actions_in) as a(action uuid, answer smallint);
      insert into responses (cycle_id, team_id, questionnaire_version, answers, comment, conversation_hash)
      values (claimed_cycle, claimed_team, version_in, answers_in, comment_in, conversation_hash_in);
      answered_in := coalesce(
        language_in,
        (select u.language from users as u where u.id = claimed_user),
        accept_language_in,
        (select s.value #>> '{}' from settings as s where s.key = 'default_language'),
        'en'
      );
      insert into cycle_language_counts as l (cycle_id, language, responses)
      values (claimed_cycle, answered_in, 1)
      on conflict (cycle_id, language) do update set responses = l.responses + 1;
      return true;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function claim_pulse_response(text, integer, jsonb, text, timestamptz, jsonb, boolean, jsonb, text, text, text)`.execute(
    db,
  );
  await db.schema.dropTable('cycle_language_counts').execute();
  await sql`
    create function claim_pulse_response(
      token_hash_in text,
      version_in integer,
      answers_in jsonb,
      comment_in text,
      now_in timestamptz,
      partners_in jsonb,
      with_values_in boolean,
      actions_in jsonb,
      conversation_hash_in text
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
      insert into responses (cycle_id, team_id, questionnaire_version, answers, comment, conversation_hash)
      values (claimed_cycle, claimed_team, version_in, answers_in, comment_in, conversation_hash_in);
      return true;
    end
    $$`.execute(db);
}
