import type { Database } from '@pulse/db';
import { isLanguage, MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD, type Language, type Settings } from '@pulse/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import { latestPublication } from '../insights/insights.service.js';
import { lockSetting, readSetting, writeSetting } from './settings.repository.js';

/** The settings key of the admin's anonymity threshold (also the audit log's target of a change). */
export const ANONYMITY_THRESHOLD_KEY = 'anonymity_threshold';
/** The settings key holding the threshold every served figure was built with. */
const FIGURES_THRESHOLD_KEY = 'figures_threshold';

/** What the threshold falls back to when no admin has set one: ANONYMITY_THRESHOLD. */
export type ThresholdSettings = Pick<Config, 'anonymityThreshold'>;

/**
 * The anonymity threshold in force: the admin's setting, else ANONYMITY_THRESHOLD. Never
 * below 3, whatever is stored.
 */
export async function getAnonymityThreshold(db: Kysely<Database>, config: ThresholdSettings): Promise<number> {
  return thresholdOf(await readSetting(db, ANONYMITY_THRESHOLD_KEY), config);
}

/**
 * The threshold in force, with its setting locked until `trx` ends: whatever builds figures
 * from it (closing a cycle, changing it, aligning at start-up) runs one at a time, so every
 * served figure comes from one suppression decision.
 */
export async function lockedAnonymityThreshold(trx: Transaction<Database>, config: ThresholdSettings): Promise<number> {
  return thresholdOf(await lockSetting(trx, ANONYMITY_THRESHOLD_KEY), config);
}

function thresholdOf(stored: unknown, config: ThresholdSettings): number {
  const value = typeof stored === 'number' && Number.isInteger(stored) ? stored : config.anonymityThreshold;
  return Math.min(MAX_ANONYMITY_THRESHOLD, Math.max(MIN_ANONYMITY_THRESHOLD, value));
}

/** Stores the admin's threshold (features/close applies it to the served figures in the same transaction). */
export async function writeAnonymityThreshold(trx: Transaction<Database>, threshold: number): Promise<void> {
  await writeSetting(trx, ANONYMITY_THRESHOLD_KEY, threshold);
}

/** The threshold the served figures were built with (unknown before the first build), locked until `trx` ends. */
export async function lockFiguresThreshold(trx: Transaction<Database>): Promise<unknown> {
  return lockSetting(trx, FIGURES_THRESHOLD_KEY);
}

/** Records the threshold the served figures were just rebuilt with. */
export async function recordFiguresThreshold(trx: Transaction<Database>, threshold: number): Promise<void> {
  await writeSetting(trx, FIGURES_THRESHOLD_KEY, threshold);
}

export async function getSettings(db: Kysely<Database>, config: Config): Promise<Settings> {
  return {
    anonymityThreshold: await getAnonymityThreshold(db, config),
    latestPublication: await latestPublication(db),
    defaultLanguage: await getDefaultLanguage(db),
  };
}

/** The settings key of the organisation's default language. */
export const DEFAULT_LANGUAGE_KEY = 'default_language';

/** The organisation's default language: the admin's choice, else English. */
export async function getDefaultLanguage(db: Kysely<Database>): Promise<Language> {
  const stored = await readSetting(db, DEFAULT_LANGUAGE_KEY);
  return isLanguage(stored) ? stored : 'en';
}

/** Stores the organisation's default language. */
export async function writeDefaultLanguage(db: Kysely<Database>, language: Language): Promise<void> {
  await writeSetting(db, DEFAULT_LANGUAGE_KEY, language);
}
