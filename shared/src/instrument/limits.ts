/** The instrument statistics' group sizes and reading threshold (no zod: the client imports these). */

/** A subtree gets reliability and driver figures only with at least this many respondents. */
export const MIN_SUBTREE_RESPONDENTS = 100;
/** The organisation gets them only with at least this many (fewer make α, ω and the weights too unstable to read). */
export const MIN_ORGANISATION_RESPONDENTS = 30;
/** α or ω below this reads as "the statements may not measure one thing". */
export const RELIABILITY_WARNING_BELOW = 0.7;
