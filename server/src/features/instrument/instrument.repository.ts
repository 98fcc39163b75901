import type { Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';

export interface ResponseAnswers {
  questionnaire_version: number;
  answers: Record<string, number>;
}

/**
 * A closed cycle's responses in a subtree of the hierarchy frozen when it closed (`teamId`
 * null: the whole organisation). Only the version and the answers: no team, comment or id.
 */
export async function subtreeAnswers(db: Kysely<Database>, cycleId: string, teamId: string | null): Promise<ResponseAnswers[]> {
  if (teamId === null) {
    return db.selectFrom('responses').where('cycle_id', '=', cycleId).select(['questionnaire_version', 'answers']).execute();
  }
  const { rows } = await sql<ResponseAnswers>`
    with recursive subtree(id) as (
      select team_id from cycle_tree where cycle_id = ${cycleId} and team_id = ${teamId}
      union all
      select t.team_id from cycle_tree t join subtree s on t.parent_id = s.id where t.cycle_id = ${cycleId}
    )
    select r.questionnaire_version, r.answers from responses r
    where r.cycle_id = ${cycleId} and r.team_id in (select id from subtree)`.execute(db);
  return rows;
}
