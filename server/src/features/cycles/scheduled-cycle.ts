import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';
import { currentVersion } from '../questionnaire/questionnaire.service.js';
import { readScheduleSetting } from '../schedule/schedule.service.js';
import { currentPeriod } from '../schedule/schedule-time.js';
import { insertScheduledCycle } from './cycles.repository.js';

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
