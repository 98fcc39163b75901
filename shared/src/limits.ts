/**
 * Limits the client needs at run time, in a module without zod: a page that imports one of
 * these does not pull the schemas (about 20 KB gzipped) into its chunk.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const PULSE_COMMENT_MAX_LENGTH = 2000;
export const MIN_ANONYMITY_THRESHOLD = 3;
export const MAX_ANONYMITY_THRESHOLD = 10;
/** The threshold when no one has chosen one (ANONYMITY_THRESHOLD, the simulation's scenarios). */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
export const MAX_TEAM_VALUES = 3;
/** The longest note a leader may write to their team about a closed pulse. */
export const NOTE_MAX_LENGTH = 2000;
/** The longest message of an anonymous conversation on a comment. */
export const CONVERSATION_MESSAGE_MAX_LENGTH = 2000;
