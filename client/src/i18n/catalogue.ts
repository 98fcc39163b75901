import type { MessageKey } from './messages.js';

/**
 * A translation of the English catalogue (./messages.ts): the same keys, the same placeholders,
 * plurals and selects. A missing key shows in English until translated, and fails
 * `catalogues.test.ts`, which names it.
 */
export type Catalogue = Partial<Record<MessageKey, string>>;
