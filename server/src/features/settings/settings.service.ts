import type { Database } from '@pulse/db';
import { MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD, type Settings, type UpdateSettingsBody } from '@pulse/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { alignFigures, latestPublication } from '../insights/insights.service.js';
import { lockSetting, readSetting, writeSetting } from './settings.repository.js';

const THRESHOLD_KEY = 'anonymity_threshold';

/** What the threshold falls back to when no admin has set one: ANONYMITY_THRESHOLD. */
export type ThresholdSettings = Pick<Config, 'anonymityThreshold'>;

/**
 * The anonymity threshold in force: the admin's setting, else ANONYMITY_THRESHOLD. Never
 * below 3, whatever is stored.
 */
export async function getAnonymityThreshold(db: Kysely<Database>, config: ThresholdSettings): Promise<number> {
  return thresholdOf(await readSetting(db, THRESHOLD_KEY), config);
}

/**
 * The threshold in force, with its setting locked until `trx` ends: whatever builds figures
 * from it (closing a cycle, changing it, aligning at start-up) runs one at a time, so every
 * served figure comes from one suppression decision.
 */
export async function lockedAnonymityThreshold(trx: Transaction<Database>, config: ThresholdSettings): Promise<number> {
  return thresholdOf(await lockSetting(trx, THRESHOLD_KEY), config);
}

function thresholdOf(stored: unknown, config: ThresholdSettings): number {
  const value = typeof stored === 'number' && Number.isInteger(stored) ? stored : config.anonymityThreshold;
  return Math.min(MAX_ANONYMITY_THRESHOLD, Math.max(MIN_ANONYMITY_THRESHOLD, value));
}

/** At start-up: rebuilds the served figures when the threshold in force changed (ANONYMITY_THRESHOLD, say) since they were built. */
export async function alignFiguresWithThreshold(db: Kysely<Database>, config: ThresholdSettings): Promise<boolean> {
  return db.transaction().execute(async (trx) => alignFigures(trx, await lockedAnonymityThreshold(trx, config)));
}

export async function getSettings(db: Kysely<Database>, config: Config): Promise<Settings> {
  return { anonymityThreshold: await getAnonymityThreshold(db, config), latestPublication: await latestPublication(db) };
}

/** Changes settings and writes the change, old and new value, to the audit log. */
export async function updateSettings(db: Kysely<Database>, config: Config, actor: SessionUser, body: UpdateSettingsBody): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    const before = await lockedAnonymityThreshold(trx, config);
    await writeSetting(trx, THRESHOLD_KEY, body.anonymityThreshold);
    // Served figures follow the new threshold at once: raising it hides more in every cycle;
    // a closed cycle never shows more than it was published with (the publication ledger).
    await alignFigures(trx, body.anonymityThreshold);
    await recordAudit(trx, actor, 'settings.update', THRESHOLD_KEY, { from: before, to: body.anonymityThreshold });
  });
  return getSettings(db, config);
}
