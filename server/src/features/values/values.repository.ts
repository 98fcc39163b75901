import type { Database } from '@pulse/db';
import type { TeamValue } from '@pulse/shared/api/values';
import { sql, type Kysely, type Transaction } from 'kysely';

/** A team's values in their order. */
export async function valuesOf(db: Kysely<Database>, teamId: string): Promise<TeamValue[]> {
  return db.selectFrom('team_values').select(['value', 'cost']).where('team_id', '=', teamId).orderBy('position').execute();
}

export async function replaceValues(trx: Transaction<Database>, teamId: string, values: readonly TeamValue[]): Promise<void> {
  await trx.deleteFrom('team_values').where('team_id', '=', teamId).execute();
  if (values.length) {
    await trx
      .insertInto('team_values')
      .values(values.map((v, i) => ({ team_id: teamId, position: i + 1, value: v.value, cost: v.cost })))
      .execute();
  }
}

/** One cycle's alignment answers (1–5) per respondent team, from the responses that have one. */
export async function alignmentAnswers(trx: Kysely<Database>, cycleId: string): Promise<{ team_id: string; answer: number }[]> {
  const rows = await sql<{ team_id: string; answer: number }>`
    select team_id, (answers->>'val_aligned')::int as answer from responses
    where cycle_id = ${cycleId} and answers->>'val_aligned' is not null`.execute(trx);
  return rows.rows;
}

/** Stores each team's own alignment moments (n, mean, m2) for a closing cycle. */
export async function storeAlignmentMoments(
  trx: Transaction<Database>,
  cycleId: string,
  byTeam: ReadonlyMap<string, number[]>,
): Promise<void> {
  await trx.updateTable('team_cycle_moments').set({ alignment: null }).where('cycle_id', '=', cycleId).execute();
  for (const [teamId, moments] of byTeam) {
    await trx
      .updateTable('team_cycle_moments')
      .set({ alignment: moments })
      .where('cycle_id', '=', cycleId)
      .where('team_id', '=', teamId)
      .execute();
  }
}

/** Every stored alignment moment, by cycle then team. */
export async function allAlignmentMoments(db: Kysely<Database>): Promise<Map<string, Map<string, number[]>>> {
  const rows = await db
    .selectFrom('team_cycle_moments')
    .select(['cycle_id', 'team_id', 'alignment'])
    .where('alignment', 'is not', null)
    .execute();
  const byCycle = new Map<string, Map<string, number[]>>();
  for (const r of rows) {
    let teams = byCycle.get(r.cycle_id);
    if (!teams) byCycle.set(r.cycle_id, (teams = new Map()));
    teams.set(r.team_id, r.alignment!);
  }
  return byCycle;
}
