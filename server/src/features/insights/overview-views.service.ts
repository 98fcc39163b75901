import type { Database } from '@pulse/db';
import type { OverviewResponse, OverviewRow } from '@pulse/shared';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import { partnerColumn } from '../partners/partners.service.js';
import { getAnonymityThreshold, type ThresholdSettings } from '../settings/settings.service.js';
import { cyclesWithStats, teamExists } from './insights-read.repository.js';
import { toPoint } from './insights-read.service.js';
import {
  alertLevelsOf,
  cellsOf,
  childrenWithCells,
  fortressWatchIds,
  lowestParticipationIds,
  pathsOf,
  scopeRoots,
  searchTeams,
} from './overview-views.repository.js';

/**
 * The overview as the screen loads it (GET /overview/teams, /overview/search, /overview/worst):
 * each view picks the teams it shows, then serves their stored cells exactly as the whole
 * overview (GET /overview) does, so every view is a subset of one suppression decision and
 * expanding or searching never shows what another view hides. Each costs what it shows: the
 * rows, their ancestors' names and their alert levels, never the whole organisation.
 */
type Ids = (cycleId: string) => Promise<readonly string[]>;

async function viewOf(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  cycleId: string | undefined,
  pick: Ids,
  order: 'path' | 'picked',
): Promise<OverviewResponse> {
  const threshold = await getAnonymityThreshold(db, settings);
  const cycles = await cyclesWithStats(db);
  const cycle = cycleId ? cycles.find((c) => c.id === cycleId) : cycles[0];
  if (cycleId && !cycle) throw notFound('cycleWithResults');
  if (!cycle) return { cycle: null, cycles, threshold, rows: [] };
  const ids = await pick(cycle.id);
  const [cells, paths, levels, partners] = await Promise.all([
    cellsOf(db, cycle.id, ids),
    pathsOf(db, ids),
    alertLevelsOf(db, ids),
    ids.length ? partnerColumn(db, cycle.id) : Promise.resolve(new Map()),
  ]);
  const byId = new Map(cells.map((cell) => [cell.team_id, cell]));
  const rows: OverviewRow[] = [];
  for (const id of ids) {
    const cell = byId.get(id);
    const where = paths.get(id);
    if (!cell || !where) continue;
    const partner = partners.get(id);
    rows.push({
      ...toPoint(cell, threshold),
      ...(partner ? { partner } : {}),
      team: { id, name: cell.name, parentId: cell.parent_id, path: where.path },
      depth: where.depth,
      alertLevel: levels.get(id) ?? null,
      childCount: cell.child_count,
    });
  }
  if (order === 'path') rows.sort((a, b) => a.team.path.localeCompare(b.team.path));
  return { cycle, cycles, threshold, rows };
}

const scopeIds = (scope: TeamScope) => (scope === 'all' ? null : [...scope]);

/** The viewer's top teams and their sub-teams; with `parent`, that team's sub-teams. */
export async function overviewTeams(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  query: { cycleId?: string | undefined; parent?: string | undefined },
): Promise<OverviewResponse> {
  const { parent } = query;
  if (parent !== undefined && (!inScope(scope, parent) || !(await teamExists(db, parent)))) throw notFound('team');
  return viewOf(
    db,
    settings,
    query.cycleId,
    async (cycleId) => {
      if (parent !== undefined) return childrenWithCells(db, cycleId, [parent]);
      const roots = await scopeRoots(db, scopeIds(scope));
      return [...roots, ...(await childrenWithCells(db, cycleId, roots))];
    },
    'path',
  );
}

/** Teams in scope whose name contains `q`, by name. */
export async function overviewSearch(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  query: { cycleId?: string | undefined; q: string; limit: number },
): Promise<OverviewResponse> {
  return viewOf(db, settings, query.cycleId, (cycleId) => searchTeams(db, cycleId, query.q, query.limit, scopeIds(scope)), 'picked');
}

/** The sorted "worst first" lists: fortress watch, or lowest participation. */
export async function overviewWorst(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  query: { cycleId?: string | undefined; view: 'fortress' | 'participation'; limit: number },
): Promise<OverviewResponse> {
  const pick = query.view === 'fortress' ? fortressWatchIds : lowestParticipationIds;
  return viewOf(db, settings, query.cycleId, (cycleId) => pick(db, cycleId, query.limit, scopeIds(scope)), 'picked');
}
