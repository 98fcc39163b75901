import type { AlertSignal, Enps, Frustration, ItemScore, Score, Scores } from '@pulse/shared/api/insights';
import type { PartnerFigure } from '@pulse/shared/api/partners';
import type { PartnerSuppressionReason, SuppressionReason } from '@pulse/shared/insights';
import type { AlertKind, AlertLevel, Role } from '@pulse/shared/vocabulary';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type { Role };

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  parent_id: string | null;
  archived_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  active: Generated<boolean>;
  password_hash: string | null;
  created_at: Timestamp;
  /** The identity provider's id for a person provisioned by SCIM (its `externalId`). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** `en`, `de`, `fr`, …: the import's `language` column or their own choice; null: the organisation's default. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TeamLeadersTable {
  team_id: string;
  user_id: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface UserTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'invite' | 'reset';
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  key: string;
  at: Timestamp;
}

export type CycleStatus = 'scheduled' | 'open' | 'closed';

export interface CyclesTable {
  id: Generated<string>;
  label: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  remind_at: NullableTimestamp;
  status: ColumnType<CycleStatus, CycleStatus | undefined, CycleStatus>;
  all_teams: boolean;
  questionnaire_version: number;
  created_at: Timestamp;
  reminded_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  /** The month ('2026-12') a scheduled cycle belongs to; null for cycles created by hand. */
  schedule_period: string | null;
}

export interface CycleTeamsTable {
  cycle_id: string;
  team_id: string;
}

export interface InvitationsTable {
  id: Generated<string>;
  cycle_id: string;
  user_id: string;
  team_id: string;
  token_hash: string;
  answered: Generated<boolean>;
  sent_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  /** The reminder's link; the first link stays valid too. */
  reminder_token_hash: string | null;
}

export interface ResponsesTable {
  id: Generated<string>;
  cycle_id: string;
  team_id: string;
  questionnaire_version: number;
  answers: Json<Record<string, number>>;
  comment: string | null;
  /** Random id the comments list shows; unrelated to any other row. */
  comment_id: Generated<string>;
  /** SHA-256 of the conversation token handed out once at submission (only with a comment). */
  conversation_hash: string | null;
}

/** A message of an anonymous conversation on a comment: who spoke by role only, and the day. */
export interface ConversationMessagesTable {
  id: Generated<string>;
  comment_id: string;
  sender: 'author' | 'leader' | 'hr';
  body: string;
  /** The day only (YYYY-MM-DD). */
  sent_on: ColumnType<string, string, never>;
}

export interface CycleTreeTable {
  cycle_id: string;
  team_id: string;
  parent_id: string | null;
}

export interface TeamCycleMomentsTable {
  cycle_id: string;
  team_id: string;
  invited: number;
  /** Per measure (n, mean, m2), flattened in the insight engine's measure order. */
  moments: number[];
  /** The team's own values-alignment answers as (n, mean, m2); null when nobody answered it. */
  alignment: number[] | null;
  /** The team's own eNPS counts `[n, promoters, detractors]` and each custom item's `[n, mean, m2]`. */
  items: ColumnType<StoredTeamItems | null, string | null | undefined, string | null>;
}

export interface StoredTeamItems {
  enps?: [number, number, number];
  custom?: Record<string, [number, number, number]>;
}

/** A custom question as a questionnaire version asked it. */
export interface VersionItem {
  id: string;
  text: string;
  scale: 'agreement' | 'zero_to_ten';
  /** Empty: everyone is asked. */
  teamIds: string[];
}

/** What cycles ask: never changed once written (migration 20261206T020000_instrument). */
export interface QuestionnaireVersionsTable {
  version: number;
  core_version: number;
  enps: boolean;
  custom_items: ColumnType<VersionItem[], string, string>;
  created_at: Generated<Date>;
}

export interface QuestionnaireItemsTable {
  id: Generated<string>;
  text: string;
  scale: 'agreement' | 'zero_to_ten';
  created_at: Generated<Date>;
  retired_at: Date | null;
}

export interface QuestionnaireItemTeamsTable {
  item_id: string;
  team_id: string;
}

export interface TeamCycleStatsTable {
  cycle_id: string;
  /** null: the whole organisation. */
  team_id: string | null;
  invited: number;
  responded: number;
  suppressed: boolean;
  reason: SuppressionReason | null;
  /** A visible cell's figures (JSON); null when suppressed. */
  scores: ColumnType<(Scores & { frustration: Frustration }) | null, string | null, string | null>;
  fortress_index: number | null;
  /** The cell's values-alignment score, only where it may be shown. */
  alignment: ColumnType<Score | null, string | null | undefined, string | null>;
  /** eNPS and HR's questions, only in a visible cell (shared/src/insights/instrument.ts). */
  enps: ColumnType<Enps | null, string | null | undefined, string | null>;
  custom_items: ColumnType<ItemScore[] | null, string | null | undefined, string | null>;
  /** The threshold this cycle's decision was made at (its reason names it); null before the ledger. */
  threshold: number | null;
}

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface AlertsTable {
  id: Generated<string>;
  episode_key: string;
  team_id: string;
  kind: AlertKind;
  level: AlertLevel;
  started_cycle_id: string;
  cycle_id: string;
  summary: string;
  signals: Json<AlertSignal[]>;
  actions: Json<string[]>;
  status: AlertStatus;
  resolved_cycle_id: string | null;
  acknowledged_at: NullableTimestamp;
  acknowledged_by: string | null;
  acknowledged_level: AlertLevel | null;
  note: string | null;
}

export type Relationship = 'drive_thru' | 'strategic';

/** The internal customer map: the customer team relies on the provider team. */
export interface TeamCustomersTable {
  provider_team_id: string;
  customer_team_id: string;
  relationship: Relationship;
}

/** One partner rating: no member, no token, no time finer than the cycle; only the rater's team. */
export interface PartnerRatingsTable {
  id: Generated<string>;
  cycle_id: string;
  provider_team_id: string;
  rater_team_id: string;
  answers: Json<Record<string, number>>;
}

export interface PartnerCycleMomentsTable {
  cycle_id: string;
  provider_team_id: string;
  rater_team_id: string;
  n: number;
  mean: number;
  m2: number;
}

/** Served partner figures: a provider's total (rater_team_id null) and visible matrix cells. */
export interface PartnerCycleStatsTable {
  cycle_id: string;
  provider_team_id: string;
  rater_team_id: string | null;
  rater_teams: number | null;
  reason: PartnerSuppressionReason | null;
  score: ColumnType<PartnerFigure | null, string | null, string | null>;
  /** The threshold this cycle's decision was made at (its reason names it); null before the ledger. */
  threshold: number | null;
}

/** A closed cycle's first publication: the threshold it was made at (publication ledger). */
export interface PublishedCyclesTable {
  cycle_id: string;
  threshold: number;
  published_at: Timestamp;
}

/** Every cell a closed cycle ever showed (ledger.ts's publishedKey), with its n. */
export interface PublishedCellsTable {
  cycle_id: string;
  cell: string;
  n: number;
}

export interface TeamValuesTable {
  team_id: string;
  position: number;
  value: string;
  cost: string;
}

/** The alert episodes a cycle's close made new or escalated, until their digests are mailed. */
export interface AlertDigestsTable {
  cycle_id: string;
  episode_keys: string[];
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  sent_to: ColumnType<string[], string[] | undefined, string[]>;
}

export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped';

/** A team's committed action (features/actions). */
export interface ActionsTable {
  id: Generated<string>;
  team_id: string;
  title: string;
  construct: 'autonomy' | 'competence' | 'relatedness' | 'openness' | null;
  alert_id: string | null;
  remedy: string | null;
  status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
  owner_id: string | null;
  /** A date column, read as 'YYYY-MM-DD' text (see the repository). */
  due_at: ColumnType<string | null, string | null | undefined, string | null>;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

/** One answer about an action in progress: no member, no team, no time finer than the cycle. */
export interface ActionAnswersTable {
  id: Generated<string>;
  cycle_id: string;
  action_id: string;
  answer: number;
}

/** The latest participation count of an open cycle, per team: how many, never who. */
export interface ParticipationCountsTable {
  cycle_id: string;
  team_id: string;
  invited: number;
  responded: number;
  counted_at: Timestamp;
}

/**
 * How many responses of a cycle were given in each language, organisation-wide (never per team,
 * never on the response): counted by the claim in the statement that stores the response.
 */
export interface CycleLanguageCountsTable {
  cycle_id: string;
  language: string;
  responses: number;
}

/** A leader's note to the team about a closed cycle; mailed to the team once, when first written. */
export interface TeamNotesTable {
  team_id: string;
  cycle_id: string;
  body: string;
  author_id: string | null;
  written_at: Timestamp;
  mailed_at: NullableTimestamp;
}

/** A SCIM bearer token (only its sha256 is stored). */
export interface ScimTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
}

/** A sign-in started at the OpenID provider, until its callback uses it (once). */
export interface OidcLoginsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  next: string | null;
  created_at: Timestamp;
}

/** A connected chat workspace; the bot token only encrypted (PULSE_SECRET_KEY). */
export interface ChatIntegrationsTable {
  provider: 'slack';
  token_ciphertext: string;
  workspace: string;
  status: 'connected' | 'revoked';
  connected_at: Timestamp;
  connected_by: string | null;
}

/** A team's Microsoft Teams workflow URL for its leaders' digest, encrypted. */
export interface TeamChatWebhooksTable {
  team_id: string;
  url_ciphertext: string;
  created_at: Timestamp;
}

export type DeliveryKind = 'invitation' | 'reminder' | 'digest' | 'team_digest';
export type DeliveryChannel = 'slack' | 'mail' | 'teams';

/** One row per message sent, whichever channel carried it. */
export interface MessageDeliveriesTable {
  kind: DeliveryKind;
  ref: string;
  channel: DeliveryChannel;
  fallback_reason: string | null;
  created_at: Timestamp;
}

/** Every table the migrations create, as Kysely sees them. */
export interface Database {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  teams: TeamsTable;
  users: UsersTable;
  team_leaders: TeamLeadersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  login_failures: LoginFailuresTable;
  cycles: CyclesTable;
  cycle_teams: CycleTeamsTable;
  invitations: InvitationsTable;
  responses: ResponsesTable;
  conversation_messages: ConversationMessagesTable;
  cycle_tree: CycleTreeTable;
  team_cycle_moments: TeamCycleMomentsTable;
  team_cycle_stats: TeamCycleStatsTable;
  alerts: AlertsTable;
  team_customers: TeamCustomersTable;
  partner_ratings: PartnerRatingsTable;
  partner_cycle_moments: PartnerCycleMomentsTable;
  partner_cycle_stats: PartnerCycleStatsTable;
  team_values: TeamValuesTable;
  alert_digests: AlertDigestsTable;
  published_cycles: PublishedCyclesTable;
  published_cells: PublishedCellsTable;
  actions: ActionsTable;
  action_answers: ActionAnswersTable;
  participation_counts: ParticipationCountsTable;
  cycle_language_counts: CycleLanguageCountsTable;
  scim_tokens: ScimTokensTable;
  oidc_logins: OidcLoginsTable;
  team_notes: TeamNotesTable;
  chat_integrations: ChatIntegrationsTable;
  team_chat_webhooks: TeamChatWebhooksTable;
  message_deliveries: MessageDeliveriesTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  questionnaire_items: QuestionnaireItemsTable;
  questionnaire_item_teams: QuestionnaireItemTeamsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type CycleRow = Selectable<CyclesTable>;
