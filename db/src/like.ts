/**
 * A LIKE pattern matching text that contains `text`, lower-cased (compare with `lower(column)`
 * or `ilike`); `%`, `_` and `\` in the text are plain characters.
 */
export const containsPattern = (text: string): string => `%${text.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
