export * from './schema.js';
export * from './connect.js';
export { migrateToLatest } from './migrate.js';
export { claimPulseResponse, type NamedStatement } from './named-statements.js';
export { DataDirLockedError, openEmbeddedDatabase } from './pglite-store.js';
export { PGliteDialect } from './pglite-dialect.js';
export { numberParsers, pgTypes } from './type-parsers.js';
export { containsPattern } from './like.js';
export { alertSeverityRank } from './alert-severity.js';
