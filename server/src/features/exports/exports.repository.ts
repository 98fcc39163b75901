import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';
import type { StatsView } from '../insights/insights-read.repository.js';

export interface CycleRange {
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * The served figures (team_cycle_stats, nothing recomputed) of the listed teams, or of the
 * whole organisation when `teamIds` is null, for cycles in the range: by team, oldest cycle
 * first. One page of the export.
 */
export async function statsPage(db: Kysely<Database>, teamIds: readonly string[] | null, range: CycleRange): Promise<StatsView[]> {
  if (teamIds && teamIds.length === 0) return [];
  let query = db
    .selectFrom('team_cycle_stats as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .select(['s.cycle_id', 's.team_id', 'c.label', 'c.opens_at', 's.invited', 's.responded', 's.suppressed', 's.reason', 's.scores', 's.fortress_index'])
    .where((eb) => (teamIds === null ? eb('s.team_id', 'is', null) : eb('s.team_id', 'in', teamIds)));
  if (range.from) query = query.where('c.opens_at', '>=', range.from);
  if (range.to) query = query.where('c.opens_at', '<=', range.to);
  return query.orderBy('s.team_id').orderBy('c.opens_at').orderBy('s.cycle_id').execute();
}

export interface AlertSpan {
  team_id: string;
  level: 'watch' | 'warning' | 'critical';
  first_opens_at: Date;
  last_opens_at: Date;
}

/** Every alert episode as the span of cycles it covered, for the export's alert_level column. */
export async function alertSpans(db: Kysely<Database>): Promise<AlertSpan[]> {
  return db
    .selectFrom('alerts as a')
    .innerJoin('cycles as first', 'first.id', 'a.started_cycle_id')
    .innerJoin('cycles as last', 'last.id', 'a.cycle_id')
    .select(['a.team_id', 'a.level', 'first.opens_at as first_opens_at', 'last.opens_at as last_opens_at'])
    .execute();
}
