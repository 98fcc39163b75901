import { sql, type Kysely } from 'kysely';

/**
 * Anonymous conversations on comments. A response with a comment gets a random `comment_id`
 * (the id the comments list shows, unrelated to any other row) and the SHA-256 hash of a
 * conversation token made at submission (`conversation_hash`), both on the response row, never
 * beside the invitation or member. Messages copy only the comment id, who spoke (the author,
 * a leader, HR: never which user) and the day. The claim of 20261204T130100_claim_with_actions
 * takes the conversation hash as one more argument and stores it in the same statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table responses add column comment_id uuid not null default gen_random_uuid() unique`.execute(db);
  await sql`alter table responses add column conversation_hash text unique`.execute(db);
  await sql`
    create table conversation_messages (
      id bigint generated always as identity primary key,
      comment_id uuid not null references responses (comment_id) on delete cascade,
      sender text not null check (sender in ('author', 'leader', 'hr')),
      body text not null check (length(body) between 1 and 2000),
      sent_on date not null
    )`.execute(db);
  await sql`create index conversation_messages_comment on conversation_messages (comment_id, id)`.execute(db);
  await sql`drop function claim_pulse_response(text, integer, jsonb, text, timestamptz, jsonb, boolean, jsonb)`.execute(db);
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

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function claim_pulse_response(text, integer, jsonb, text, timestamptz, jsonb, boolean, jsonb, text)`.execute(db);
  await db.schema.dropTable('conversation_messages').execute();
  await sql`alter table responses drop column conversation_hash, drop column comment_id`.execute(db);
}
