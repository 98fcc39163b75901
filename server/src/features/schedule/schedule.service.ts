import type { Database } from '@pulse/db';
import type { Schedule, ScheduleState } from '@pulse/shared/api/schedule';
import type { Kysely } from 'kysely';
import { readScheduleSetting, writeSchedule } from './schedule.repository.js';
import { nextOpening } from './schedule-time.js';

/** The saved schedule and when it was saved, for the cycles it creates; null before one is saved. */
export { readSchedule, readScheduleSetting } from './schedule.repository.js';

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
