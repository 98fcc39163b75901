import type { Database } from '@pulse/db';
import { valuesItem, type TeamValue } from '@pulse/shared/api/values';
import { momentsOf, type Moments } from '@pulse/shared/insights';
import type { Kysely, Transaction } from 'kysely';
import { notFound } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { allAlignmentMoments, alignmentAnswers, replaceValues, storeAlignmentMoments, valuesOf } from './values.repository.js';

/** A team's stated values, for the pulse's values question. */
export { valuesOf };

async function assertTeamInScope(db: Kysely<Database>, scope: TeamScope, teamId: string): Promise<void> {
  const team = await db.selectFrom('teams').select('archived_at').where('id', '=', teamId).executeTakeFirst();
  if (!team || team.archived_at || !inScope(scope, teamId)) throw notFound('team');
}

/** GET /teams/:id/values */
export async function teamValues(db: Kysely<Database>, scope: TeamScope, teamId: string): Promise<TeamValue[]> {
  await assertTeamInScope(db, scope, teamId);
  return valuesOf(db, teamId);
}

/** PUT /teams/:id/values: replaces the team's values (at most three, checked by the schema). */
export async function setTeamValues(
  db: Kysely<Database>,
  actor: SessionUser,
  scope: TeamScope,
  teamId: string,
  values: TeamValue[],
): Promise<TeamValue[]> {
  await assertTeamInScope(db, scope, teamId);
  await db.transaction().execute((trx) => replaceValues(trx, teamId, values));
  await recordAudit(db, actor, 'values.update', teamId, { values: values.length });
  return valuesOf(db, teamId);
}

/** An alignment answer on 0–100, like any item. */
const alignmentScore = (answer: number) => ((answer - valuesItem.scale.min) / (valuesItem.scale.max - valuesItem.scale.min)) * 100;

/** At close: each team's own alignment answers as moments, next to its other moments. */
export async function storeCycleAlignment(trx: Transaction<Database>, cycleId: string): Promise<void> {
  const scores = new Map<string, number[]>();
  for (const { team_id, answer } of await alignmentAnswers(trx, cycleId)) {
    scores.set(team_id, [...(scores.get(team_id) ?? []), alignmentScore(answer)]);
  }
  const moments = new Map(
    [...scores].map(([team, values]) => {
      const m = momentsOf(values);
      return [team, [m.n, m.mean, m.m2]];
    }),
  );
  await storeAlignmentMoments(trx, cycleId, moments);
}

/** Every cycle's alignment moments per team, as the engine takes them. */
export async function alignmentInputs(db: Kysely<Database>): Promise<Map<string, Map<string, Moments>>> {
  const stored = await allAlignmentMoments(db);
  return new Map(
    [...stored].map(([cycle, teams]) => [
      cycle,
      new Map([...teams].map(([team, [n, mean, m2]]) => [team, { n: n!, mean: mean!, m2: m2! }])),
    ]),
  );
}
