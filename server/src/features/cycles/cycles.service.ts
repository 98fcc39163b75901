import type { Database } from '@pulse/db';
import { MAX_CYCLE_DAYS, type Cycle, type CycleCreate, type CycleSummary } from '@pulse/shared/api/cycles';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound, type ErrorMessage } from '../../errors.js';
import { finaliseCycle } from '../close/close.service.js';
import { lockedAnonymityThreshold, type ThresholdSettings } from '../settings/settings.service.js';
import { blurAnswerTrail } from '../pulse/pulse.service.js';
import { deliverInvitations, type MailContext } from './invitations.service.js';
import { readSchedule } from '../schedule/schedule.service.js';
import { addDays } from '../schedule/schedule-time.js';
import {
  dueCycleIds,
  findCycle,
  insertCycle,
  insertInvitations,
  listCyclesWithCounts,
  liveTeamIds,
  lockCycle,
  overlapsAnotherCycle,
  setClosesAt,
  setCycleStatus,
  type CycleWithCounts,
  type CycleWithTeams,
} from './cycles.repository.js';
import { recordParticipation } from './participation.repository.js';
import { currentVersion } from '../questionnaire/questionnaire.service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of a cycle row: the one place rows become camelCase. */
export function toCycle(row: CycleWithTeams): Cycle {
  return {
    id: row.id,
    label: row.label,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    remindAt: iso(row.remind_at),
    status: row.status,
    teamIds: row.team_ids,
    questionnaireVersion: row.questionnaire_version,
    closedAt: iso(row.closed_at),
  };
}

const toSummary = (row: CycleWithCounts): CycleSummary => ({
  ...toCycle(row),
  invited: row.invited,
  responded: row.responded,
  countedAt: iso(row.counted_at),
});

async function cycleOrThrow(db: Kysely<Database>, id: string): Promise<Cycle> {
  const row = await findCycle(db, id);
  if (!row) throw notFound('cycle');
  return toCycle(row);
}

/**
 * Creates a scheduled cycle on the current questionnaire. Without `teamIds` it covers every
 * team; without `remindAt` the schedule's reminder delay applies when one is set. It opens at
 * `opensAt` (see `openCycle`); the caller opens it at once when that time has come.
 */
export async function createCycle(db: Kysely<Database>, input: CycleCreate): Promise<Cycle> {
  const teams = input.teamIds ? [...new Set(input.teamIds)] : null;
  if (teams) {
    const live = await liveTeamIds(db, teams);
    const unknown = input.teamIds!.flatMap((id, i) => (live.has(id) ? [] : [{ path: `teamIds.${i}`, message: 'is not a team' }]));
    if (unknown.length) throw badRequest('teams.someMissing', unknown);
  }
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  let remindAt = input.remindAt ? new Date(input.remindAt) : null;
  if (!input.remindAt) {
    const delay = (await readSchedule(db))?.reminderAfterDays;
    const candidate = delay ? addDays(opensAt, delay) : null;
    remindAt = candidate && candidate < closesAt ? candidate : null;
  }
  const version = await currentVersion(db);
  const row = await db.transaction().execute((trx) =>
    insertCycle(
      trx,
      {
        label: input.label,
        opens_at: opensAt,
        closes_at: closesAt,
        remind_at: remindAt,
        all_teams: teams === null,
        questionnaire_version: version,
      },
      teams,
    ),
  );
  return toCycle({ ...row, team_ids: teams });
}

/**
 * Opens a scheduled cycle: status `open` and one invitation per active member of its teams,
 * in one transaction (mail goes out afterwards, see `deliverInvitations`). Resolves the
 * number of invitations, or null when the cycle was not scheduled, already closed by time,
 * or being opened by another instance right now.
 */
export async function openCycle(db: Kysely<Database>, cycleId: string, now: Date): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const cycle = await lockCycle(trx, cycleId, true);
    if (!cycle || cycle.status !== 'scheduled' || cycle.closes_at <= now) return null;
    const invited = await insertInvitations(trx, cycle);
    await setCycleStatus(trx, cycle.id, 'open', now);
    await recordParticipation(trx, cycle.id, now);
    return invited;
  });
}

/**
 * Closes a cycle: answering stops (410) and its status becomes `closed`. Closing a closed
 * cycle changes nothing. This is where a cycle's results are finalised: work that must happen
 * exactly once per cycle belongs inside this transaction, after the status check.
 */
export async function closeCycle(db: Kysely<Database>, cycleId: string, now: Date, settings: ThresholdSettings): Promise<Cycle> {
  await db.transaction().execute(async (trx) => {
    const cycle = await lockCycle(trx, cycleId);
    if (!cycle || cycle.status === 'closed') return;
    await setCycleStatus(trx, cycle.id, 'closed', now);
    await recordParticipation(trx, cycle.id, now);
    await blurAnswerTrail(trx, cycle.id);
    await finaliseCycle(trx, cycle.id, await lockedAnonymityThreshold(trx, settings));
  });
  return cycleOrThrow(db, cycleId);
}

/**
 * Keeps a scheduled or open cycle open for longer: answering goes on until the new closing
 * time. A closed cycle stays closed (its results are published); the new time must be later
 * than the current one, in the future, within MAX_CYCLE_DAYS of opening, and clear of every
 * other cycle (one pulse at a time).
 */
export async function extendCycle(db: Kysely<Database>, cycleId: string, closesAt: Date, now: Date): Promise<Cycle> {
  await db.transaction().execute(async (trx) => {
    const cycle = await lockCycle(trx, cycleId);
    if (!cycle) throw notFound('cycle');
    if (cycle.status === 'closed' || cycle.closes_at <= now) throw conflict('cycles.closed');
    // The field's detail keeps the English words, as every field detail does.
    const field = (message: ErrorMessage) => badRequest(message, [{ path: 'closesAt', message: badRequest(message).message }]);
    if (closesAt <= cycle.closes_at) throw field('cycles.notLater');
    if (closesAt.getTime() - cycle.opens_at.getTime() > MAX_CYCLE_DAYS * 86_400_000)
      throw field(['cycles.tooLong', { days: MAX_CYCLE_DAYS }]);
    if (await overlapsAnotherCycle(trx, cycle.id, cycle.opens_at, closesAt)) throw conflict('cycles.overlap');
    await setClosesAt(trx, cycle.id, closesAt);
  });
  return cycleOrThrow(db, cycleId);
}

/** Every cycle with its `invited` and `responded` counts, newest first. */
export async function listCycles(db: Kysely<Database>): Promise<CycleSummary[]> {
  return (await listCyclesWithCounts(db)).map(toSummary);
}

/** Opens every scheduled cycle whose time has come; resolves the ids it opened. */
export async function openDueCycles(db: Kysely<Database>, now: Date): Promise<string[]> {
  const opened: string[] = [];
  for (const id of await dueCycleIds(db, ['scheduled'], 'opens_at', now)) {
    if ((await openCycle(db, id, now)) !== null) opened.push(id);
  }
  return opened;
}

/** Closes every cycle past its closing time, including one that never got to open. */
export async function closeDueCycles(db: Kysely<Database>, now: Date, settings: ThresholdSettings): Promise<string[]> {
  const ids = await dueCycleIds(db, ['scheduled', 'open'], 'closes_at', now);
  for (const id of ids) await closeCycle(db, id, now, settings);
  return ids;
}

/**
 * POST /cycles: creates the cycle and, when its opening time has already come, opens it and
 * mails the invitations before answering (a failed mail is retried by the scheduler).
 */
export async function createCycleAndOpenIfDue(ctx: MailContext, input: CycleCreate, now: Date): Promise<Cycle> {
  const cycle = await createCycle(ctx.db, input);
  if (new Date(cycle.opensAt) > now) return cycle;
  await openCycle(ctx.db, cycle.id, now);
  await deliverInvitations(ctx, now);
  return cycleOrThrow(ctx.db, cycle.id);
}
