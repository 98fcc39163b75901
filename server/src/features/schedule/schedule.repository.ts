import type { Database } from '@pulse/db';
import { zSchedule, type Schedule } from '@pulse/shared/api/schedule';
import type { Kysely } from 'kysely';

/** The settings key holding the monthly rhythm. */
export const SCHEDULE_KEY = 'pulse.schedule';

/** The saved schedule and when it was saved, or null when none is set (or it no longer parses). */
export async function readScheduleSetting(db: Kysely<Database>): Promise<{ schedule: Schedule; savedAt: Date } | null> {
  const row = await db.selectFrom('settings').select(['value', 'updated_at']).where('key', '=', SCHEDULE_KEY).executeTakeFirst();
  const parsed = zSchedule.safeParse(row?.value);
  return row && parsed.success ? { schedule: parsed.data, savedAt: row.updated_at } : null;
}

/** The saved schedule, or null. */
export const readSchedule = async (db: Kysely<Database>) => (await readScheduleSetting(db))?.schedule ?? null;

/** Saves the schedule, replacing any earlier one, as saved at `now`. */
export async function writeSchedule(db: Kysely<Database>, schedule: Schedule, now: Date): Promise<void> {
  const value = JSON.stringify(schedule);
  await db
    .insertInto('settings')
    .values({ key: SCHEDULE_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
