/**
 * The languages Pulse speaks. Adding one: its code here, then one file per area (README,
 * "Languages"): the client catalogue, the questionnaire texts and the mails.
 */
export const languages = ['en', 'de', 'fr'] as const;
/** No zod here: the pulse page imports this file and must not download zod (api/language.ts has the schema). */
export type Language = (typeof languages)[number];

/** Each language's name in itself, as a language switch shows it. */
export const languageNames: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch', fr: 'Français' };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/**
 * The first of `wanted` (BCP 47 tags in order of preference, such as `navigator.languages`)
 * that Pulse speaks, by primary subtag: `de-AT` is `de`. Undefined when none matches.
 */
export function firstSpoken(wanted: readonly string[]): Language | undefined {
  for (const tag of wanted) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return undefined;
}

/** The tags of an `Accept-Language` header by descending quality (`q=0` left out). */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}
