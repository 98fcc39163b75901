import type { Database, Relationship } from '@pulse/db';
import type { Kysely, Transaction } from 'kysely';

export interface LinkRow {
  provider_team_id: string;
  customer_team_id: string;
  relationship: Relationship;
}

/** Every relationship of the map; `providerIds` narrows to those providers. */
export async function listLinks(db: Kysely<Database>, providerIds?: readonly string[]): Promise<LinkRow[]> {
  if (providerIds && providerIds.length === 0) return [];
  let query = db.selectFrom('team_customers').select(['provider_team_id', 'customer_team_id', 'relationship']);
  if (providerIds) query = query.where('provider_team_id', 'in', providerIds);
  return query.execute();
}

/** Replaces one provider's customers. */
export async function replaceCustomers(trx: Transaction<Database>, providerId: string, rows: readonly LinkRow[]): Promise<void> {
  await trx.deleteFrom('team_customers').where('provider_team_id', '=', providerId).execute();
  if (rows.length)
    await trx
      .insertInto('team_customers')
      .values([...rows])
      .execute();
}

/** Adds relationships or changes their kind; leaves every other one alone. */
export async function upsertLinks(trx: Transaction<Database>, rows: readonly LinkRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) {
    await trx
      .insertInto('team_customers')
      .values(rows.slice(i, i + 1_000))
      .onConflict((oc) =>
        oc.columns(['provider_team_id', 'customer_team_id']).doUpdateSet((eb) => ({ relationship: eb.ref('excluded.relationship') })),
      )
      .execute();
  }
}

/** The live provider teams a customer team relies on, by id. */
export async function liveProvidersOf(db: Kysely<Database>, customerTeamId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('team_customers as c')
    .innerJoin('teams as t', 't.id', 'c.provider_team_id')
    .where('c.customer_team_id', '=', customerTeamId)
    .where('t.archived_at', 'is', null)
    .select(['t.id', 't.name'])
    .orderBy('t.id')
    .execute();
}
