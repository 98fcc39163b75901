import { sql, type Kysely } from 'kysely';

/**
 * The instrument (issue 19): eNPS and HR's own questions.
 *
 * `questionnaire_versions` is what a cycle asks: the built-in items of a code version
 * (`core_version`, shared/src/questionnaire.ts), the eNPS item when it was on, and a snapshot of
 * the custom items active then (with their wording and teams). A version never changes; every
 * change of the instrument (eNPS on or off, a question added, reworded or retired) makes a new
 * one, and cycles and responses keep theirs. Version 1 is the questionnaire as it was; version
 * 2 adds eNPS, on by default, for cycles created from now on.
 *
 * `questionnaire_items` holds HR's questions as they are now (a stable id, the wording, the
 * scale, retired or not) and `questionnaire_item_teams` the teams one is asked of (none: everyone).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table questionnaire_versions (
      version integer primary key,
      core_version integer not null,
      enps boolean not null,
      custom_items jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`insert into questionnaire_versions (version, core_version, enps) values (1, 1, false), (2, 1, true)`.execute(db);
  await sql`alter table cycles add constraint cycles_questionnaire_version_fkey foreign key (questionnaire_version) references questionnaire_versions (version)`.execute(
    db,
  );
  await sql`alter table responses add constraint responses_questionnaire_version_fkey foreign key (questionnaire_version) references questionnaire_versions (version)`.execute(
    db,
  );
  await sql`
    create table questionnaire_items (
      id uuid primary key default gen_random_uuid(),
      text text not null check (length(text) between 1 and 300),
      scale text not null check (scale in ('agreement', 'zero_to_ten')),
      created_at timestamptz not null default now(),
      retired_at timestamptz
    )`.execute(db);
  await sql`
    create table questionnaire_item_teams (
      item_id uuid not null references questionnaire_items (id) on delete cascade,
      team_id uuid not null references teams (id) on delete cascade,
      primary key (item_id, team_id)
    )`.execute(db);
  // Per team and cycle: eNPS counts (n, promoters, detractors) and each custom item's (n, mean, m2).
  await sql`alter table team_cycle_moments add column items jsonb`.execute(db);
  // Per served cell: the eNPS figure and each custom item's figure, only in a visible cell.
  await sql`alter table team_cycle_stats add column enps jsonb, add column custom_items jsonb`.execute(db);
  await sql`alter table team_cycle_stats add constraint team_cycle_stats_items_check check ((enps is null and custom_items is null) or not suppressed)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table team_cycle_stats drop constraint team_cycle_stats_items_check`.execute(db);
  await sql`alter table team_cycle_stats drop column enps, drop column custom_items`.execute(db);
  await sql`alter table team_cycle_moments drop column items`.execute(db);
  await db.schema.dropTable('questionnaire_item_teams').execute();
  await db.schema.dropTable('questionnaire_items').execute();
  await sql`alter table responses drop constraint responses_questionnaire_version_fkey`.execute(db);
  await sql`alter table cycles drop constraint cycles_questionnaire_version_fkey`.execute(db);
  await db.schema.dropTable('questionnaire_versions').execute();
}
