import type { Database, VersionItem } from '@pulse/db';
import type { AlertLevel } from '@pulse/shared';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { StatsView } from '../insights/insights-read.repository.js';

export interface CycleRange {
  from?: Date | undefined;
  to?: Date | undefined;
}

/** The constructs of the export, in its row order. */
export const CONSTRUCTS = ['autonomy', 'competence', 'relatedness', 'openness'] as const;
type Construct = (typeof CONSTRUCTS)[number];
type Figure = 'n' | 'mean' | 'ci_low' | 'ci_high';
const figures: Record<Figure, { key: string; type: 'int4' | 'float8' }> = {
  n: { key: 'n', type: 'int4' },
  mean: { key: 'mean', type: 'float8' },
  ci_low: { key: 'ciLow', type: 'float8' },
  ci_high: { key: 'ciHigh', type: 'float8' },
};

/** Scores stored in a column of their own: the values alignment and the partners' view. */
export const EXTRA_SCORES = ['alignment', 'partner'] as const;
type ExtraScore = (typeof EXTRA_SCORES)[number];

/** One stored cell with the figures the export needs, flat: `autonomy_mean`, `openness_n`… */
export type ExportStat = Omit<StatsView, 'cycle_id' | 'scores' | 'alignment'> & {
  /** Whether the cycle asked eNPS, and the custom questions it asked (with their teams). */
  enps_asked: boolean;
  version_items: VersionItem[];
  /** Why the partners' view of this team is hidden; null when shown or when nobody rated it. */
  partner_reason: Selectable<Database['partner_cycle_stats']>['reason'];
  /** Whether the partners' view was computed for this team and cycle at all. */
  partner_rated: boolean;
  /** The threshold the partners' decision was made at; null before the ledger. */
  partner_threshold: number | null;
} & { [K in `${Construct | ExtraScore}_${Figure}`]: number | null };

/** `(s.scores -> 'autonomy' ->> 'mean')::float8 as autonomy_mean`, and so on. */
const figureColumns = CONSTRUCTS.flatMap((construct) =>
  (Object.entries(figures) as [Figure, (typeof figures)[Figure]][]).map(([name, { key, type }]) =>
    sql<number | null>`(s.scores -> ${sql.lit(construct)} ->> ${sql.lit(key)})::${sql.raw(type)}`.as(`${construct}_${name}`),
  ),
);

/** The same figures from the alignment column and the partner total (rater_team_id null). */
const extraColumns = (Object.entries(figures) as [Figure, (typeof figures)[Figure]][]).flatMap(([name, { key, type }]) => [
  sql<number | null>`(s.alignment ->> ${sql.lit(key)})::${sql.raw(type)}`.as(`alignment_${name}`),
  sql<number | null>`(p.score ->> ${sql.lit(key)})::${sql.raw(type)}`.as(`partner_${name}`),
]);

/**
 * The served figures (team_cycle_stats and partner_cycle_stats, nothing recomputed) of the listed teams, or of the
 * whole organisation when `teamIds` is null, for cycles in the range: by team, oldest cycle
 * first. One page of the export. Only the needed numbers leave the database, as plain columns,
 * so a page is small and short-lived.
 */
export async function statsPage(db: Kysely<Database>, teamIds: readonly string[] | null, range: CycleRange): Promise<ExportStat[]> {
  if (teamIds && teamIds.length === 0) return [];
  let query = db
    .selectFrom('team_cycle_stats as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .innerJoin('questionnaire_versions as v', 'v.version', 'c.questionnaire_version')
    .leftJoin('partner_cycle_stats as p', (join) =>
      join.onRef('p.cycle_id', '=', 's.cycle_id').onRef('p.provider_team_id', '=', 's.team_id').on('p.rater_team_id', 'is', null),
    )
    .select([
      's.team_id',
      'c.label',
      'c.opens_at',
      's.invited',
      's.responded',
      's.suppressed',
      's.reason',
      's.fortress_index',
      's.threshold',
    ])
    .select(['s.enps', 's.custom_items', 'v.enps as enps_asked', 'v.custom_items as version_items'])
    .select(['p.reason as partner_reason', 'p.threshold as partner_threshold', sql<boolean>`p.cycle_id is not null`.as('partner_rated')])
    .select(figureColumns)
    .select(extraColumns)
    .where((eb) => (teamIds === null ? eb('s.team_id', 'is', null) : eb('s.team_id', 'in', teamIds)));
  if (range.from) query = query.where('c.opens_at', '>=', range.from);
  if (range.to) query = query.where('c.opens_at', '<=', range.to);
  return (await query.orderBy('s.team_id').orderBy('c.opens_at').orderBy('s.cycle_id').execute()) as ExportStat[];
}

export interface AlertSpan {
  team_id: string;
  level: AlertLevel;
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
