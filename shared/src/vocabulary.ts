/**
 * The words the contract, the database, the server and the client share, each list written
 * once: the schemas build their enums from these (`z.enum(alertLevels)`), the database types
 * and the server's queries name their types, the client lists its menus in these orders. No zod
 * here: the client imports this file and must not download the schemas.
 */

/** Alert levels, the mildest first: the order of the contract's enums. */
export const alertLevels = ['watch', 'warning', 'critical'] as const;
export type AlertLevel = (typeof alertLevels)[number];

/** Alert levels, the most severe first: the order alerts are listed in (its index is the severity rank). */
export const alertLevelsBySeverity: readonly AlertLevel[] = [...alertLevels].reverse();

/** Alert kinds: the fortress pattern first, then its parts, the order alerts of one level are listed in. */
export const alertKinds = ['fortress', 'pressure', 'need_drop', 'participation'] as const;
export type AlertKind = (typeof alertKinds)[number];

/** Account roles, the most rights first. */
export const roles = ['admin', 'hr', 'leader', 'member'] as const;
export type Role = (typeof roles)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);

/** The formats of the aggregate export, in the contract's order; `csv` is the default. */
export const exportFormats = ['csv', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];
