import type { Database } from '@pulse/db';
import type { Schedule, ScheduleState } from '@pulse/shared/api/schedule';
import type { Kysely } from 'kysely';
import { insertScheduledCycle } from '../cycles/cycles.repository.js';
import { readScheduleSetting, writeSchedule } from './schedule.repository.js';
import { currentPeriod, nextOpening } from './schedule-time.js';
import { currentVersion } from '../questionnaire/questionnaire.service.js';

const stateOf = (schedule: Schedule | null, now: Date): ScheduleState => ({
  schedule,
  nextOpensAt: schedule?.enabled ? nextOpening(schedule, now).toISOString() : null,
});

/** GET /schedule: the setting and when its next pulse opens. */
export async function getScheduleState(db: Kysely<Database>, now: Date): Promise<ScheduleState> {
  return stateOf((await readScheduleSetting(db))?.schedule ?? null, now);
}

/** PUT /schedule: saves the setting; it applies from the next opening after `now`. */
export async function saveSchedule(db: Kysely<Database>, schedule: Schedule, now: Date): Promise<ScheduleState> {
  await writeSchedule(db, schedule, now);
  return stateOf(schedule, now);
}

/**
 * Creates the cycle of the schedule's latest period once its opening time has come, also
 * late, after downtime, as long as the period has not ended. A period that opened before the
 * schedule was saved is left alone, so saving a schedule never starts a pulse on the spot.
 * Resolves the new cycle's id, or null when there is nothing to create.
 */
export async function ensureScheduledCycle(db: Kysely<Database>, now: Date): Promise<string | null> {
  const setting = await readScheduleSetting(db);
  if (!setting?.schedule.enabled) return null;
  const period = currentPeriod(setting.schedule, now);
  if (period.opensAt < setting.savedAt || period.closesAt <= now) return null;
  const id = await insertScheduledCycle(db, {
    label: period.label,
    opensAt: period.opensAt,
    closesAt: period.closesAt,
    remindAt: period.remindAt,
    questionnaireVersion: await currentVersion(db),
    period: period.key,
  });
  return id ?? null;
}
