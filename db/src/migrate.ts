import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './migrations/20261128T180000_foundation.js';
import * as people from './migrations/20261128T180100_people.js';
import * as pulses from './migrations/20261128T180200_pulses.js';
import * as pulseDelivery from './migrations/20261128T200000_pulse_delivery.js';
import * as insights from './migrations/20261128T210000_insights.js';
import * as customerMap from './migrations/20261128T220000_customer_map.js';
import * as partnerRatings from './migrations/20261128T220100_partner_ratings.js';
import * as teamValues from './migrations/20261128T220200_team_values.js';
import * as alertDigests from './migrations/20261128T220300_alert_digests.js';
import * as answerHotUpdates from './migrations/20261128T230000_answer_hot_updates.js';
import * as claimFunction from './migrations/20261128T233000_claim_function.js';
import * as publicationLedger from './migrations/20261204T100000_publication_ledger.js';
import * as loginAttempts from './migrations/20261204T110000_login_attempts.js';
import * as actions from './migrations/20261204T130000_actions.js';
import * as claimWithActions from './migrations/20261204T130100_claim_with_actions.js';
import * as participationCounts from './migrations/20261205T090000_participation_counts.js';
import * as memberResults from './migrations/20261205T100000_member_results.js';
import * as conversations from './migrations/20261205T100100_conversations.js';
import * as identity from './migrations/20261205T120000_identity.js';
import * as chatDelivery from './migrations/20261205T130000_chat_delivery.js';
import * as fortressWatchIndex from './migrations/20261205T140000_fortress_watch_index.js';
import * as instrument from './migrations/20261206T020000_instrument.js';
import * as languages from './migrations/20261206T030000_languages.js';
import * as languageCounts from './migrations/20261207T100000_language_counts.js';

/** Every migration, by its frozen name. New behaviour means a new entry, never an edited one. */
const migrations: Record<string, Migration> = {
  '20261128T180000_foundation': foundation,
  '20261128T180100_people': people,
  '20261128T180200_pulses': pulses,
  '20261128T200000_pulse_delivery': pulseDelivery,
  '20261128T210000_insights': insights,
  '20261128T220000_customer_map': customerMap,
  '20261128T220100_partner_ratings': partnerRatings,
  '20261128T220200_team_values': teamValues,
  '20261128T220300_alert_digests': alertDigests,
  '20261128T230000_answer_hot_updates': answerHotUpdates,
  '20261128T233000_claim_function': claimFunction,
  '20261204T100000_publication_ledger': publicationLedger,
  '20261204T110000_login_attempts': loginAttempts,
  '20261204T130000_actions': actions,
  '20261204T130100_claim_with_actions': claimWithActions,
  '20261205T090000_participation_counts': participationCounts,
  '20261205T100000_member_results': memberResults,
  '20261205T100100_conversations': conversations,
  '20261205T120000_identity': identity,
  '20261205T130000_chat_delivery': chatDelivery,
  '20261205T140000_fortress_watch_index': fortressWatchIndex,
  '20261206T020000_instrument': instrument,
  '20261206T030000_languages': languages,
  '20261207T100000_language_counts': languageCounts,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${message}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
