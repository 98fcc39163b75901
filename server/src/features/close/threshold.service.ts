import type { Database } from '@pulse/db';
import type { Settings, UpdateSettingsBody } from '@pulse/shared';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  ANONYMITY_THRESHOLD_KEY,
  getSettings,
  lockedAnonymityThreshold,
  writeAnonymityThreshold,
  type ThresholdSettings,
} from '../settings/settings.service.js';
import { alignFigures } from './close.service.js';

/** At start-up: rebuilds the served figures when the threshold in force changed (ANONYMITY_THRESHOLD, say) since they were built. */
export async function alignFiguresWithThreshold(db: Kysely<Database>, config: ThresholdSettings): Promise<boolean> {
  return db.transaction().execute(async (trx) => alignFigures(trx, await lockedAnonymityThreshold(trx, config)));
}

/**
 * Changes the anonymity threshold and writes the change, old and new value, to the audit log.
 * Served figures follow the new threshold in the same transaction: raising it hides more in
 * every cycle; a closed cycle never shows more than it was published with (the publication ledger).
 */
export async function updateSettings(
  db: Kysely<Database>,
  config: Config,
  actor: SessionUser,
  body: UpdateSettingsBody,
): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    const before = await lockedAnonymityThreshold(trx, config);
    await writeAnonymityThreshold(trx, body.anonymityThreshold);
    await alignFigures(trx, body.anonymityThreshold);
    await recordAudit(trx, actor, 'settings.update', ANONYMITY_THRESHOLD_KEY, { from: before, to: body.anonymityThreshold });
  });
  return getSettings(db, config);
}
