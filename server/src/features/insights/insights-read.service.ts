import type { Database } from '@pulse/db';
import type { CommentsResponse, OverviewResponse, OverviewRow, TeamRef, TrendPoint, TrendsResponse } from '@pulse/shared';
import { suppressionMessage } from '@pulse/shared/insights';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import {
  activeAlertLevels,
  allTeams,
  cyclesWithStats,
  statsForCycle,
  statsForTeam,
  teamExists,
  teamLineage,
  type StatsView,
} from './insights-read.repository.js';
import { commentsWithConversations } from '../conversations/conversations.service.js';
import { partnerColumn, partnerLine } from '../partners/partners.service.js';
import { getAnonymityThreshold, type ThresholdSettings } from '../settings/settings.service.js';
import { placesOf, type TeamNode } from '../teams/team-paths.js';

/**
 * Read paths serve only what `recomputeInsights` stored: figures of visible cells, reasons of
 * suppressed ones. Suppression was decided once per cycle for the whole organisation, so every
 * view (trends, overview, comments, export, a leader's subtree) is a subset of one safe set.
 */
export function toPoint(row: StatsView, threshold: number): TrendPoint {
  const point: TrendPoint = {
    cycleId: row.cycle_id,
    label: row.label,
    opensAt: row.opens_at.toISOString(),
    invited: row.invited,
    responded: row.responded,
    suppressed: row.suppressed,
  };
  if (row.suppressed) {
    const code = row.reason!;
    point.reason = suppressionMessage(code, row.threshold ?? threshold);
    point.reasonCode = code;
  } else {
    const { frustration, ...scores } = row.scores!;
    point.scores = scores;
    point.frustration = frustration;
    if (row.fortress_index !== null) point.fortressIndex = row.fortress_index;
    if (row.alignment) point.alignment = row.alignment;
    if (row.enps) point.enps = row.enps;
    if (row.custom_items) point.customItems = row.custom_items;
  }
  return point;
}

interface Org {
  byId: Map<string, TeamNode>;
  ref(id: string): TeamRef & { depth: number };
}

/** The team list with slash-separated paths ("Operations/Legal"), for refs and sorting. */
const organisation = async (db: Kysely<Database>): Promise<Org> => orgOf(await allTeams(db));

/** Refs over `teams`, which must hold every ancestor of each team asked for. */
function orgOf(teams: TeamNode[]): Org {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const places = placesOf(teams);
  const ref = (id: string): TeamRef & { depth: number } => {
    const { path, depth } = places.get(id)!;
    return { id, name: byId.get(id)!.name, parentId: byId.get(id)!.parent_id, path, depth };
  };
  return { byId, ref };
}

const dropDepth = ({ depth: _depth, ...ref }: TeamRef & { depth: number }): TeamRef => ref;

/** GET /teams/:id/trends: a team's series and a comparison series (parent, or organisation). */
export async function trendsFor(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  teamId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<TrendsResponse> {
  // Only this team's line: its path and its parent's name are all a trend needs.
  const org = orgOf(await teamLineage(db, teamId));
  const team = org.byId.get(teamId);
  if (!team || !inScope(scope, teamId)) throw notFound('team');
  const threshold = await getAnonymityThreshold(db, settings);
  const dates = { from: range.from ? new Date(range.from) : undefined, to: range.to ? endOfDay(range.to) : undefined };
  const series = (await statsForTeam(db, teamId, dates)).map((row) => toPoint(row, threshold));
  // What the teams that rely on this one rate it, where that may be shown (docs/partners.md).
  const partner = await partnerLine(db, teamId);
  for (const point of series) if (partner.has(point.cycleId)) point.partner = partner.get(point.cycleId)!;
  // A leader compares with the parent group when it is theirs to see, else with the organisation.
  const parentVisible = team.parent_id !== null && inScope(scope, team.parent_id);
  const comparisonId = parentVisible ? team.parent_id : null;
  const comparisonRows = await statsForTeam(db, comparisonId, dates);
  return {
    team: dropDepth(org.ref(teamId)),
    threshold,
    series,
    comparison: {
      name: comparisonId ? org.byId.get(comparisonId)!.name : 'Organisation',
      teamId: comparisonId,
      series: comparisonRows.map((row) => toPoint(row, threshold)),
    },
  };
}

/** A date-only bound includes that whole day. */
function endOfDay(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

/** GET /overview: one row per team in scope for a cycle (the latest closed one by default). */
export async function overviewFor(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  cycleId?: string,
): Promise<OverviewResponse> {
  const threshold = await getAnonymityThreshold(db, settings);
  const cycles = await cyclesWithStats(db);
  const cycle = cycleId ? cycles.find((c) => c.id === cycleId) : cycles[0];
  if (cycleId && !cycle) throw notFound('cycleWithResults');
  if (!cycle) return { cycle: null, cycles, threshold, rows: [] };
  const org = await organisation(db);
  const levels = await activeAlertLevels(db);
  // As in a team's trends: partners' ratings have their own rule (docs/partners.md) and show
  // even where the team's own cell is hidden.
  const partners = await partnerColumn(db, cycle.id);
  const rows: OverviewRow[] = [];
  for (const stat of await statsForCycle(db, cycle.id)) {
    if (stat.team_id === null || !inScope(scope, stat.team_id) || !org.byId.has(stat.team_id)) continue;
    const ref = org.ref(stat.team_id);
    const partner = partners.get(stat.team_id);
    rows.push({
      ...toPoint(stat, threshold),
      ...(partner ? { partner } : {}),
      team: dropDepth(ref),
      depth: ref.depth,
      alertLevel: levels.get(stat.team_id) ?? null,
    });
  }
  rows.sort((a, b) => a.team.path.localeCompare(b.team.path));
  return { cycle, cycles, threshold, rows };
}

/** GET /teams/:id/comments: the subtree's comments, only where its cell is visible. */
export async function commentsFor(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  teamId: string,
  cycleId?: string,
): Promise<CommentsResponse> {
  if (!inScope(scope, teamId) || !(await teamExists(db, teamId))) throw notFound('team');
  const threshold = await getAnonymityThreshold(db, settings);
  const cycles = await cyclesWithStats(db);
  const cycle = cycleId ? cycles.find((c) => c.id === cycleId) : cycles[0];
  if (cycleId && !cycle) throw notFound('cycleWithResults');
  if (!cycle) return { cycle: null, comments: null, reason: 'No pulse has closed yet.' };
  const stat = (await statsForCycle(db, cycle.id)).find((s) => s.team_id === teamId);
  if (!stat) throw notFound('team');
  if (stat.suppressed) return { cycle, comments: null, reason: suppressionMessage(stat.reason!, stat.threshold ?? threshold) };
  return { cycle, comments: await commentsWithConversations(db, cycle.id, teamId) };
}

/**
 * What a member's results page may show of one cycle: the team's served point, the team's point
 * of the cycle before (the previous one with figures) and the organisation's, all from the
 * stored ledger like every other view. `team` undefined: the cycle has no figures for the team.
 */
export async function pointsForMembers(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  cycleId: string,
  teamId: string,
): Promise<{ team?: TrendPoint; previous?: TrendPoint; organisation?: TrendPoint }> {
  const threshold = await getAnonymityThreshold(db, settings);
  const series = await statsForTeam(db, teamId, {});
  const at = series.findIndex((row) => row.cycle_id === cycleId);
  if (at < 0) return {};
  const organisation = (await statsForCycle(db, cycleId)).find((row) => row.team_id === null);
  return {
    team: toPoint(series[at]!, threshold),
    ...(at > 0 ? { previous: toPoint(series[at - 1]!, threshold) } : {}),
    ...(organisation ? { organisation: toPoint(organisation, threshold) } : {}),
  };
}

/** One cell of a cycle's stored decision: its team (null: the organisation), respondents and whether it is shown. */
export interface ServedCell {
  team: TeamRef | null;
  responded: number;
  visible: boolean;
}

/**
 * A closed cycle's cells as its one stored suppression decision serves them (the latest closed
 * cycle with figures when `cycleId` is left out), for figures computed elsewhere over shown
 * cells only. Throws 404 for a cycle without figures; `cycle` is null before any has closed.
 */
export async function servedCells(
  db: Kysely<Database>,
  cycleId?: string,
): Promise<{ cycle: { id: string; label: string } | null; cycles: { id: string; label: string }[]; cells: ServedCell[] }> {
  const cycles = await cyclesWithStats(db);
  const cycle = cycleId ? cycles.find((c) => c.id === cycleId) : cycles[0];
  if (cycleId && !cycle) throw notFound('cycleWithResults');
  if (!cycle) return { cycle: null, cycles, cells: [] };
  const org = await organisation(db);
  const cells = (await statsForCycle(db, cycle.id))
    .filter((stat) => stat.team_id === null || org.byId.has(stat.team_id))
    .map((stat) => ({
      team: stat.team_id === null ? null : dropDepth(org.ref(stat.team_id)),
      responded: stat.responded,
      visible: !stat.suppressed,
    }));
  return { cycle, cycles, cells };
}
