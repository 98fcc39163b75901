import type { ActionStatus, Database } from '@pulse/db';
import type { Construct, TrendPoint, TrendsResponse } from '@pulse/shared';
import {
  actionItem,
  actionTransitions,
  MAX_ACTIONS_PER_PULSE,
  type Action,
  type ActionEffectView,
  type ActionFeedback,
  type CreateActionBody,
  type PulseAction,
  type TeamActionsResponse,
  type UpdateActionBody,
} from '@pulse/shared/api/actions';
import { actionEffect, summarize, type EffectCell, type EffectCycle } from '@pulse/shared/insights';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import { alertsInScope } from '../alerts/alerts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { trendsFor } from '../insights/insights-read.service.js';
import { getAnonymityThreshold, type ThresholdSettings } from '../settings/settings.service.js';
import {
  actionsInProgressAbove,
  closedCycleAnswers,
  insertAction,
  listActions,
  lockAction,
  ownerCandidates,
  teamState,
  updateAction,
  type ActionView,
} from './actions.repository.js';

const openStatuses: readonly ActionStatus[] = ['planned', 'in_progress'];

/** Today as 'YYYY-MM-DD' (UTC): an action is overdue the day after its due date. */
const isoDay = (now: Date) => now.toISOString().slice(0, 10);

async function assertTeam(db: Kysely<Database>, scope: TeamScope, teamId: string, forWriting: boolean): Promise<void> {
  const team = await teamState(db, teamId);
  if (!team || !inScope(scope, teamId) || (forWriting && team.archived)) throw notFound('team');
}

/** Reads the figures effects are computed from once per team, for a list of actions. */
class TrendCache {
  private readonly byTeam = new Map<string, Promise<TrendsResponse>>();
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: ThresholdSettings,
    private readonly scope: TeamScope,
  ) {}
  get(teamId: string): Promise<TrendsResponse> {
    let trends = this.byTeam.get(teamId);
    if (!trends) this.byTeam.set(teamId, (trends = trendsFor(this.db, this.settings, this.scope, teamId, {})));
    return trends;
  }
}

const cellOf = (point: TrendPoint | undefined, construct: Construct): EffectCell | undefined => {
  const score = point && !point.suppressed ? point.scores?.[construct] : undefined;
  return score ? { n: score.n, mean: score.mean, sd: score.sd } : undefined;
};

/**
 * The action's effect on its construct from the stored, visible cells only: the cycles that
 * opened before it started against those that opened after, minus the comparison group's
 * change (the parent the viewer may see, else the organisation; the team itself taken out).
 */
async function effectOf(row: ActionView, trends: TrendCache): Promise<ActionEffectView | null> {
  if (!row.construct) return null;
  const construct = row.construct;
  const { series, comparison } = await trends.get(row.team_id);
  const byCycle = new Map((comparison?.series ?? []).map((p) => [p.cycleId, p]));
  const start = row.started_at;
  const cycles = series.map((point) => ({
    point,
    cycle: { team: cellOf(point, construct), comparison: cellOf(byCycle.get(point.cycleId), construct) } satisfies EffectCycle,
  }));
  const after = start ? cycles.filter((c) => new Date(c.point.opensAt) >= start) : [];
  const before = start ? cycles.filter((c) => new Date(c.point.opensAt) < start) : cycles;
  const effect = actionEffect({ before: before.map((c) => c.cycle), after: after.map((c) => c.cycle), comparisonIncludesTeam: true });
  return {
    construct,
    verdict: effect.verdict,
    comparisonName: comparison?.name ?? 'Organisation',
    startCycleId: after[0]?.point.cycleId ?? null,
    startCycleLabel: after[0]?.point.label ?? null,
    beforeCycles: effect.beforeCycles,
    afterCycles: effect.afterCycles,
    teamChange: effect.team?.change ?? null,
    comparisonChange: effect.comparison?.change ?? null,
    difference: effect.difference,
    ciLow: effect.ciLow,
    ciHigh: effect.ciHigh,
  };
}

/** An answer 1–5 on 0–100, like every score. */
const feedbackScore = (answer: number) => ((answer - actionItem.scale.min) / (actionItem.scale.max - actionItem.scale.min)) * 100;

/**
 * The team's feedback on each action in the latest closed cycle that asked about it: figures
 * only with at least k answers (a cell like any other), never for an open cycle, never summed
 * across cycles (which would let one cycle's few answers be recovered by subtraction).
 */
async function feedbackOf(db: Kysely<Database>, threshold: number, ids: readonly string[]): Promise<Map<string, ActionFeedback>> {
  const latest = new Map<string, { label: string; answers: number[] }>();
  for (const row of await closedCycleAnswers(db, ids)) latest.set(row.action_id, { label: row.label, answers: row.answers });
  const result = new Map<string, ActionFeedback>();
  for (const [id, { label, answers }] of latest) {
    if (answers.length < threshold) {
      result.set(id, { cycleLabel: label, reason: `Fewer than ${threshold} people rated it in ${label}, so it is not shown.` });
      continue;
    }
    const s = summarize(answers.map(feedbackScore));
    result.set(id, {
      cycleLabel: label,
      score: {
        mean: s.mean!,
        ciLow: s.ciLow === null ? null : Math.max(0, s.ciLow),
        ciHigh: s.ciHigh === null ? null : Math.min(100, s.ciHigh),
        n: s.n,
      },
    });
  }
  return result;
}

async function toActions(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  rows: readonly ActionView[],
  now: Date,
): Promise<Action[]> {
  const trends = new TrendCache(db, settings, scope);
  const threshold = await getAnonymityThreshold(db, settings);
  const feedback = await feedbackOf(
    db,
    threshold,
    rows.map((r) => r.id),
  );
  const today = isoDay(now);
  const actions: Action[] = [];
  for (const row of rows) {
    actions.push({
      id: row.id,
      teamId: row.team_id,
      teamName: row.team_name,
      title: row.title,
      construct: row.construct,
      alertId: row.alert_id,
      remedy: row.remedy,
      status: row.status,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      dueAt: row.due_at,
      overdue: openStatuses.includes(row.status) && row.due_at !== null && row.due_at < today,
      createdAt: row.created_at.toISOString(),
      startedAt: row.started_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
      note: row.note,
      effect: await effectOf(row, trends),
      feedback: feedback.get(row.id) ?? null,
    });
  }
  return actions;
}

/** GET /teams/:id/actions */
export async function teamActions(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  teamId: string,
  now: Date,
): Promise<TeamActionsResponse> {
  await assertTeam(db, scope, teamId, false);
  const rows = await listActions(db, { teamIds: [teamId] });
  return { actions: await toActions(db, settings, scope, rows, now), owners: await ownerCandidates(db, teamId) };
}

/** GET /actions: every action in scope, overdue first, then open ones by due date, then the rest newest first. */
export async function actionsInScope(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  scope: TeamScope,
  status: ActionStatus | 'open' | 'all',
  now: Date,
): Promise<Action[]> {
  const statuses = status === 'all' ? undefined : status === 'open' ? openStatuses : [status];
  const rows = await listActions(db, { teamIds: scope === 'all' ? null : [...scope], ...(statuses ? { statuses } : {}) });
  const actions = await toActions(db, settings, scope, rows, now);
  const rank = (a: Action) => (a.overdue ? 0 : openStatuses.includes(a.status) ? 1 : 2);
  return actions.sort((a, b) => rank(a) - rank(b) || (rank(a) < 2 ? (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') : 0));
}

async function checkOwner(db: Kysely<Database>, teamId: string, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  if (!(await ownerCandidates(db, teamId)).some((o) => o.id === ownerId)) {
    throw badRequest('actions.badOwner', [{ path: 'ownerId', message: 'is not a leader of this team or an HR account' }]);
  }
}

async function oneAction(db: Kysely<Database>, settings: ThresholdSettings, scope: TeamScope, id: string, now: Date): Promise<Action> {
  const rows = await listActions(db, { teamIds: null, id });
  return (await toActions(db, settings, scope, rows, now))[0]!;
}

/** POST /teams/:id/actions: a leader (teams in scope), HR or an admin commits the team to an action; audited. */
export async function createAction(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  actor: SessionUser,
  scope: TeamScope,
  teamId: string,
  body: CreateActionBody,
  now: Date,
): Promise<Action> {
  await assertTeam(db, scope, teamId, true);
  if (body.alertId && !(await alertsInScope(db, scope, 'all', teamId)).some((a) => a.id === body.alertId)) {
    throw badRequest('actions.foreignAlert', [{ path: 'alertId', message: 'is not an alert of this team' }]);
  }
  const ownerId = body.ownerId ?? (actor.role === 'leader' || actor.role === 'hr' ? actor.id : null);
  await checkOwner(db, teamId, ownerId);
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertAction(trx, {
      team_id: teamId,
      title: body.title,
      construct: body.construct ?? null,
      alert_id: body.alertId ?? null,
      remedy: body.remedy ?? null,
      owner_id: ownerId,
      due_at: body.dueAt ?? null,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, 'actions.create', `action:${created}`, {
      teamId,
      alertId: body.alertId ?? null,
      construct: body.construct ?? null,
      ownerId,
    });
    return created;
  });
  return oneAction(db, settings, scope, id, now);
}

/** PATCH /actions/:id: status along planned → in_progress → done (or dropped with a reason), and other fields; audited. */
export async function changeAction(
  db: Kysely<Database>,
  settings: ThresholdSettings,
  actor: SessionUser,
  scope: TeamScope,
  id: string,
  body: UpdateActionBody,
  now: Date,
): Promise<Action> {
  await db.transaction().execute(async (trx) => {
    const current = await lockAction(trx, id);
    if (!current || !inScope(scope, current.team_id)) throw notFound('action');
    if (actionTransitions[current.status].length === 0) throw conflict(['actions.final', { status: current.status }]);
    const status = body.status && body.status !== current.status ? body.status : undefined;
    if (status && !actionTransitions[current.status].includes(status)) {
      throw conflict(['actions.transition', { from: current.status, to: status }]);
    }
    await checkOwner(trx, current.team_id, body.ownerId);
    await updateAction(trx, id, {
      ...(status ? { status } : {}),
      ...(status === 'in_progress' ? { started_at: now } : {}),
      ...(status === 'done' || status === 'dropped' ? { finished_at: now } : {}),
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.ownerId !== undefined ? { owner_id: body.ownerId } : {}),
      ...(body.dueAt !== undefined ? { due_at: body.dueAt } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
    });
    const changed = Object.keys(body).filter((k) => body[k as keyof UpdateActionBody] !== undefined);
    await recordAudit(trx, actor, 'actions.update', `action:${id}`, {
      teamId: current.team_id,
      changed,
      ...(status ? { from: current.status, to: status } : {}),
    });
  });
  return oneAction(db, settings, scope, id, now);
}

/** The actions in progress a member's pulse asks about (the team's own first, then those above it). */
export async function actionsForPulse(db: Kysely<Database>, teamId: string): Promise<PulseAction[]> {
  const rows = await actionsInProgressAbove(db, teamId, MAX_ACTIONS_PER_PULSE);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    item: {
      text: actionItem.text,
      scale: { ...actionItem.scale, labels: [...actionItem.scale.labels] },
      notNoticed: actionItem.notNoticed,
    },
  }));
}

/** A team's own actions as its members see them on their results page: title, state and due date, nothing else. */
export async function actionsForMembers(
  db: Kysely<Database>,
  teamId: string,
): Promise<{ title: string; status: ActionStatus; dueAt: string | null }[]> {
  const rows = await listActions(db, { teamIds: [teamId] });
  return rows.map((r) => ({ title: r.title, status: r.status, dueAt: r.due_at }));
}
