/**
 * Which closed cycles have figures, newest first: for features that list cycles with results
 * (partners) without importing the insights services, which read theirs.
 */
export { cyclesWithStats } from './insights-read.repository.js';
