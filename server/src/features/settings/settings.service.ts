import type { Database } from '@pulse/db';
import { MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD, type Settings, type UpdateSettingsBody } from '@pulse/shared';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { recomputeInsights } from '../insights/insights.service.js';
import { readSetting, writeSetting } from './settings.repository.js';

const THRESHOLD_KEY = 'anonymity_threshold';

/** What the threshold falls back to when no admin has set one: ANONYMITY_THRESHOLD. */
export type ThresholdSettings = Pick<Config, 'anonymityThreshold'>;

/**
 * The anonymity threshold in force: the admin's setting, else ANONYMITY_THRESHOLD. Never
 * below 3, whatever is stored.
 */
export async function getAnonymityThreshold(db: Kysely<Database>, config: ThresholdSettings): Promise<number> {
  const stored = await readSetting(db, THRESHOLD_KEY);
  const value = typeof stored === 'number' && Number.isInteger(stored) ? stored : config.anonymityThreshold;
  return Math.min(MAX_ANONYMITY_THRESHOLD, Math.max(MIN_ANONYMITY_THRESHOLD, value));
}

export async function getSettings(db: Kysely<Database>, config: Config): Promise<Settings> {
  return { anonymityThreshold: await getAnonymityThreshold(db, config) };
}

/** Changes settings and writes the change, old and new value, to the audit log. */
export async function updateSettings(db: Kysely<Database>, config: Config, actor: SessionUser, body: UpdateSettingsBody): Promise<Settings> {
  const before = await getAnonymityThreshold(db, config);
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, THRESHOLD_KEY, body.anonymityThreshold);
    // Every served figure follows the new threshold at once, history included.
    if (before !== body.anonymityThreshold) await recomputeInsights(trx, body.anonymityThreshold);
    await recordAudit(trx, actor, 'settings.update', THRESHOLD_KEY, { from: before, to: body.anonymityThreshold });
  });
  return getSettings(db, config);
}
