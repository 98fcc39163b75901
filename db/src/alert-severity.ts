import { alertLevelsBySeverity } from '@pulse/shared/vocabulary';
import { sql, type RawBuilder } from 'kysely';

/**
 * The severity rank of an alert level column, 0 for the most severe (its index in
 * `alertLevelsBySeverity`): for ordering alerts and for `min` over a team's alerts.
 */
export function alertSeverityRank(column: string): RawBuilder<number> {
  const ranks = alertLevelsBySeverity.map((level, rank) => sql`when ${sql.lit(level)} then ${sql.lit(rank)}`);
  return sql<number>`(case ${sql.ref(column)} ${sql.join(ranks, sql` `)} end)`;
}
