import type { Database, StoredTeamItems, VersionItem } from '@pulse/db';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';

export type VersionRow = Selectable<Database['questionnaire_versions']>;
export type ItemRow = Selectable<Database['questionnaire_items']> & { team_ids: string[] };

/** Serialises every change of the instrument (and the five-question limit) across instances. */
export async function lockInstrument(trx: Transaction<Database>): Promise<void> {
  await sql`lock table questionnaire_items in share row exclusive mode`.execute(trx);
}

/** The newest version: what a cycle created now asks. */
export async function latestVersion(db: Kysely<Database>): Promise<VersionRow> {
  return db.selectFrom('questionnaire_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
}

export async function findVersion(db: Kysely<Database>, version: number): Promise<VersionRow | undefined> {
  return db.selectFrom('questionnaire_versions').selectAll().where('version', '=', version).executeTakeFirst();
}

export async function allVersions(db: Kysely<Database>): Promise<VersionRow[]> {
  return db.selectFrom('questionnaire_versions').selectAll().orderBy('version').execute();
}

/** Writes the next version; callers hold `lockInstrument`. */
export async function insertVersion(trx: Transaction<Database>, v: { core: number; enps: boolean; items: VersionItem[] }): Promise<number> {
  const row = await trx
    .insertInto('questionnaire_versions')
    .values((eb) => ({
      version: eb.selectFrom('questionnaire_versions').select(sql<number>`coalesce(max(version), 0) + 1`.as('v')),
      core_version: v.core,
      enps: v.enps,
      custom_items: JSON.stringify(v.items),
    }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

const teamIdsOf = sql<
  string[]
>`coalesce((select array_agg(t.team_id::text order by t.team_id) from questionnaire_item_teams t where t.item_id = i.id), '{}')`;

/** Every custom question with its teams: active ones first, oldest first. */
export async function listItems(db: Kysely<Database>): Promise<ItemRow[]> {
  return db
    .selectFrom('questionnaire_items as i')
    .selectAll('i')
    .select(teamIdsOf.as('team_ids'))
    .orderBy(sql`i.retired_at is not null`)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
}

export async function findItem(db: Kysely<Database>, id: string): Promise<ItemRow | undefined> {
  return db
    .selectFrom('questionnaire_items as i')
    .selectAll('i')
    .select(teamIdsOf.as('team_ids'))
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function countActive(trx: Kysely<Database>): Promise<number> {
  const row = await trx
    .selectFrom('questionnaire_items')
    .where('retired_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertItem(trx: Transaction<Database>, item: { text: string; scale: VersionItem['scale'] }): Promise<string> {
  const row = await trx
    .insertInto('questionnaire_items')
    .values({ text: item.text, scale: item.scale, retired_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setItemText(trx: Transaction<Database>, id: string, text: string): Promise<void> {
  await trx.updateTable('questionnaire_items').set({ text }).where('id', '=', id).execute();
}

export async function retire(trx: Transaction<Database>, id: string, at: Date): Promise<void> {
  await trx.updateTable('questionnaire_items').set({ retired_at: at }).where('id', '=', id).execute();
}

export async function replaceItemTeams(trx: Transaction<Database>, id: string, teamIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('questionnaire_item_teams').where('item_id', '=', id).execute();
  if (teamIds.length)
    await trx
      .insertInto('questionnaire_item_teams')
      .values(teamIds.map((team_id) => ({ item_id: id, team_id })))
      .execute();
}

/** One cycle's responses with the version they were given with: their answers to score extra items. */
export async function cycleAnswers(trx: Kysely<Database>, cycleId: string) {
  return trx.selectFrom('responses').where('cycle_id', '=', cycleId).select(['team_id', 'questionnaire_version', 'answers']).execute();
}

export async function storeItemMoments(
  trx: Transaction<Database>,
  cycleId: string,
  byTeam: ReadonlyMap<string, StoredTeamItems>,
): Promise<void> {
  await trx.updateTable('team_cycle_moments').set({ items: null }).where('cycle_id', '=', cycleId).execute();
  for (const [teamId, items] of byTeam) {
    await trx
      .updateTable('team_cycle_moments')
      .set({ items: JSON.stringify(items) })
      .where('cycle_id', '=', cycleId)
      .where('team_id', '=', teamId)
      .execute();
  }
}

/** Every closed cycle's stored extra-item moments per team, with the cycle's version. */
export async function allItemMoments(db: Kysely<Database>) {
  return db
    .selectFrom('team_cycle_moments as m')
    .innerJoin('cycles as c', 'c.id', 'm.cycle_id')
    .select(['m.cycle_id', 'm.team_id', 'm.items', 'c.questionnaire_version'])
    .where('m.items', 'is not', null)
    .execute();
}

/** Which of `ids` are teams that are not archived. */
export async function existingTeams(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set(
    (await db.selectFrom('teams').select('id').where('id', 'in', ids).where('archived_at', 'is', null).execute()).map((r) => r.id),
  );
}
