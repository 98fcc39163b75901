import type { Database } from '@pulse/db';
import type { Participation } from '@pulse/shared/api/cycles';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors.js';
import { publishedThreshold } from '../insights/insights.service.js';
import { languageCounts, reportableLanguages } from '../pulse/language-counts.js';
import { getAnonymityThreshold, type ThresholdSettings } from '../settings/settings.service.js';
import { findCycle } from './cycles.repository.js';
import {
  COUNT_INTERVAL_MS,
  lockCycleDueForCount,
  openCycleIds,
  readParticipation,
  recordParticipation,
} from './participation.repository.js';

/**
 * Recounts participation for every open cycle whose count is a day old (the scheduler calls
 * this each pass). Resolves how many cycles it counted.
 */
export async function countDueParticipation(db: Kysely<Database>, now: Date): Promise<number> {
  let counted = 0;
  for (const id of await openCycleIds(db)) {
    const done = await db.transaction().execute(async (trx) => {
      if (!(await lockCycleDueForCount(trx, id, now))) return false;
      await recordParticipation(trx, id, now);
      return true;
    });
    if (done) counted++;
  }
  return counted;
}

/**
 * GET /cycles/:id/participation: invited and answered per team, as of the cycle's latest count
 * (taken when it opened, then once a day, and a final one when it closed). Never who. Once the
 * cycle has closed, also how many answered in each language, organisation-wide, leaving out every
 * language a small group answered in (`reportableLanguages`), at the threshold in force or the one
 * the cycle was published at, whichever is higher: a lowered threshold never shows more. While it
 * is open, no language count: a count that moved would tell who had just answered in it.
 */
export async function participationOf(db: Kysely<Database>, cycleId: string, settings: ThresholdSettings): Promise<Participation> {
  const cycle = await findCycle(db, cycleId);
  if (!cycle) throw notFound('cycle');
  const rows = await readParticipation(db, cycleId);
  const countedAt = rows[0]?.countedAt ?? null;
  const nextCountAt = countedAt && cycle.status === 'open' ? new Date(countedAt.getTime() + COUNT_INTERVAL_MS) : null;
  const threshold = Math.max(await getAnonymityThreshold(db, settings), (await publishedThreshold(db, cycleId)) ?? 0);
  const languages = cycle.status === 'closed' ? reportableLanguages(await languageCounts(db, cycleId), threshold) : [];
  return {
    cycleId,
    status: cycle.status,
    countedAt: countedAt?.toISOString() ?? null,
    nextCountAt: nextCountAt && nextCountAt < cycle.closes_at ? nextCountAt.toISOString() : null,
    teams: rows.map(({ teamId, name, invited, responded }) => ({ teamId, name, invited, responded })),
    languages,
    languageThreshold: threshold,
  };
}
