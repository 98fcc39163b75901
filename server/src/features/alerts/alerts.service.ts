import type { AlertStatus, Database } from '@pulse/db';
import type { AcknowledgeBody, Alert as ApiAlert, AlertsResponse } from '@pulse/shared';
import { alertLevels, type Alert, type AlertLevel, type DriftPoint } from '@pulse/shared/insights';
import type { Kysely, Transaction } from 'kysely';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { countsByLevel, pageOfAlerts, type AlertCursor, type AlertFilter, type AlertSort } from './alerts-page.repository.js';
import { allAlertRows, deleteAlerts, insertAlerts, listAlerts, updateAlert, type AlertView } from './alerts.repository.js';

/** An alert episode: the same team and kind flagged in consecutive cycles that included the team. */
interface Episode {
  key: string;
  first: Alert;
  last: Alert;
  /** The first later closed cycle that included the team and no longer flags it, when there is one. */
  resolvedCycleId: string | null;
}

/**
 * Per team, the indices (into the closed cycles, oldest first) of the cycles that included it:
 * someone in its subtree was invited. Only those can continue, escalate or resolve its episodes.
 */
export type CyclesIncluding = ReadonlyMap<string, readonly number[]>;

/** The cycles including each team, from the engine's drift series (one point per team and cycle). */
export function cyclesIncluding(drift: ReadonlyMap<string, readonly DriftPoint[]>): Map<string, number[]> {
  return new Map([...drift].map(([teamId, points]) => [teamId, points.filter((p) => p.invited > 0).map((p) => p.cycleIndex)]));
}

/**
 * Groups the engine's per-cycle alerts into episodes (cycle ids oldest first). A cycle that did
 * not include a team is skipped over: it neither ends nor continues the team's episodes.
 */
export function episodesOf(alerts: readonly Alert[], cycleIds: readonly string[], including: CyclesIncluding): Episode[] {
  const byTeamKind = new Map<string, Alert[]>();
  for (const a of alerts) {
    if (!including.get(a.teamId)?.includes(a.cycleIndex)) continue;
    const key = `${a.teamId}:${a.kind}`;
    let list = byTeamKind.get(key);
    if (!list) byTeamKind.set(key, (list = []));
    list.push(a);
  }
  const episodes: Episode[] = [];
  for (const list of byTeamKind.values()) {
    list.sort((a, b) => a.cycleIndex - b.cycleIndex);
    const own = including.get(list[0]!.teamId)!;
    const nextOf = (alert: Alert) => own[own.indexOf(alert.cycleIndex) + 1];
    let first = list[0]!;
    list.forEach((alert, i) => {
      const next = list[i + 1];
      const following = nextOf(alert);
      if (next && next.cycleIndex === following) return;
      episodes.push({
        key: `${first.teamId}:${first.kind}:${first.cycleId}`,
        first,
        last: alert,
        resolvedCycleId: following === undefined ? null : cycleIds[following]!,
      });
      if (next) first = next;
    });
  }
  return episodes;
}

/**
 * Stores the engine's alerts as episodes, keeping acknowledgements: an acknowledged episode
 * reopens only when its level rises above the acknowledged one; a cycle that includes the team
 * and no longer flags it resolves it (a cycle without the team changes none of its episodes). Resolves the keys of episodes that are new or escalated, for notifications.
 */
export async function storeAlertEpisodes(
  trx: Transaction<Database>,
  alerts: readonly Alert[],
  cycleIds: readonly string[],
  including: CyclesIncluding,
): Promise<string[]> {
  const existing = new Map((await allAlertRows(trx)).map((row) => [row.episode_key, row]));
  const episodes = episodesOf(alerts, cycleIds, including);
  const fresh: Parameters<typeof insertAlerts>[1] = [];
  const escalated: string[] = [];
  for (const e of episodes) {
    const row = existing.get(e.key);
    existing.delete(e.key);
    const content = {
      team_id: e.last.teamId,
      kind: e.last.kind,
      level: e.last.level,
      started_cycle_id: e.first.cycleId,
      cycle_id: e.last.cycleId,
      summary: e.last.summary,
      signals: e.last.signals,
      actions: e.last.actions,
      resolved_cycle_id: e.resolvedCycleId,
    };
    if (!row) {
      const status: AlertStatus = e.resolvedCycleId ? 'resolved' : 'open';
      fresh.push({ episode_key: e.key, ...content, status });
      continue;
    }
    const acknowledgedAbove = row.acknowledged_level !== null && rank(e.last.level) <= rank(row.acknowledged_level);
    const status: AlertStatus = e.resolvedCycleId
      ? 'resolved'
      : row.status === 'acknowledged' && acknowledgedAbove
        ? 'acknowledged'
        : 'open';
    if (status === 'open' && rank(e.last.level) > rank(row.level)) escalated.push(e.key);
    // Most episodes are untouched by a new cycle: write only those that changed.
    const unchanged =
      status === row.status &&
      (Object.keys(content) as (keyof typeof content)[]).every((key) => JSON.stringify(content[key]) === JSON.stringify(row[key]));
    if (!unchanged) await updateAlert(trx, row.id, { ...content, status });
  }
  await insertAlerts(trx, fresh);
  await deleteAlerts(
    trx,
    [...existing.values()].map((r) => r.id),
  );
  return [...fresh.filter((f) => f.status === 'open').map((f) => f.episode_key), ...escalated];
}

/** Order of alert levels: watch < warning < critical. */
const rank = (level: string) => alertLevels.indexOf(level as (typeof alertLevels)[number]);

/** The API shape of an alert row. */
export function toAlert(row: AlertView): ApiAlert {
  return {
    id: row.id,
    teamId: row.team_id,
    teamName: row.team_name,
    cycleId: row.cycle_id,
    cycleLabel: row.cycle_label,
    kind: row.kind,
    level: row.level,
    status: row.status,
    summary: row.summary,
    signals: row.signals,
    actions: row.actions,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    note: row.note,
  };
}

/** Alerts of the teams in scope with the given status ('all': any). */
export async function alertsInScope(
  db: Kysely<Database>,
  scope: TeamScope,
  status: AlertStatus | 'all',
  teamId?: string,
): Promise<ApiAlert[]> {
  const statuses: AlertStatus[] = status === 'all' ? ['open', 'acknowledged', 'resolved'] : [status];
  let teamIds: string[] | null = scope === 'all' ? null : [...scope];
  if (teamId) teamIds = inScope(scope, teamId) ? [teamId] : [];
  return (await listAlerts(db, { statuses, teamIds })).map(toAlert);
}

export interface AlertsPageQuery {
  status: AlertStatus | 'current' | 'all';
  teamId?: string | undefined;
  subtreeOf?: string | undefined;
  level?: AlertLevel | undefined;
  kind?: ApiAlert['kind'] | undefined;
  sort: AlertSort;
  limit?: number | undefined;
  after?: string | undefined;
}

const encodeCursor = (c: AlertCursor) => Buffer.from(JSON.stringify([c.rank, c.opensAt, c.teamName, c.id])).toString('base64url');

function decodeCursor(text: string): AlertCursor {
  try {
    const [rank, opensAt, teamName, id] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[];
    const timestamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (
      typeof rank === 'number' &&
      Number.isInteger(rank) &&
      typeof opensAt === 'string' &&
      timestamp.test(opensAt) &&
      typeof teamName === 'string' &&
      typeof id === 'string' &&
      uuid.test(id)
    )
      return { rank, opensAt, teamName, id };
  } catch {
    // falls through to the 400 below
  }
  throw badRequest('alerts.badCursor', [{ path: 'after', message: 'Pass nextCursor from the previous page.' }]);
}

/**
 * GET /alerts: alerts of the teams in scope, filtered, in pages (without `limit`, all at once),
 * with how many match each level. A subtree outside the scope is not found.
 */
export async function alertsPage(db: Kysely<Database>, scope: TeamScope, query: AlertsPageQuery): Promise<AlertsResponse> {
  const cursor = query.after === undefined ? undefined : decodeCursor(query.after);
  if (query.subtreeOf && !inScope(scope, query.subtreeOf)) throw notFound('team');
  let teamIds: string[] | null = scope === 'all' ? null : [...scope];
  if (query.teamId) teamIds = inScope(scope, query.teamId) ? [query.teamId] : [];
  const filter: AlertFilter = {
    statuses:
      query.status === 'all'
        ? ['open', 'acknowledged', 'resolved']
        : query.status === 'current'
          ? ['open', 'acknowledged']
          : [query.status],
    teamIds,
    subtreeOf: query.subtreeOf,
    level: query.level,
    kind: query.kind,
  };
  const limit = query.limit ?? null;
  const [rows, counts] = await Promise.all([
    pageOfAlerts(db, filter, query.sort, limit === null ? null : limit + 1, cursor),
    countsByLevel(db, filter),
  ]);
  const page = limit === null ? rows : rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    limit !== null && rows.length > limit && last
      ? encodeCursor({ rank: last.rank, opensAt: last.opens_text, teamName: last.team_name, id: last.id })
      : null;
  return { alerts: page.map(toAlert), counts, nextCursor };
}

/** A leader (in scope), HR or an admin acknowledges an open alert with a note; audited. */
export async function acknowledgeAlert(
  db: Kysely<Database>,
  scope: TeamScope,
  actor: SessionUser,
  id: string,
  body: AcknowledgeBody,
): Promise<ApiAlert> {
  return db.transaction().execute(async (trx) => {
    const [row] = await listAlerts(trx, { statuses: ['open', 'acknowledged', 'resolved'], teamIds: null, id });
    if (!row || !inScope(scope, row.team_id)) throw notFound('alert');
    if (row.status === 'resolved') throw conflict('alerts.resolved');
    await updateAlert(trx, id, {
      status: 'acknowledged',
      acknowledged_at: new Date(),
      acknowledged_by: actor.id,
      acknowledged_level: row.level,
      note: body.note,
    });
    await recordAudit(trx, actor, 'alert.acknowledge', `alert:${id}`, { teamId: row.team_id, kind: row.kind, level: row.level });
    const [updated] = await listAlerts(trx, { statuses: ['acknowledged'], teamIds: null, id });
    return toAlert(updated!);
  });
}
