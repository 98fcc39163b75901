import type { Language } from '@pulse/shared';
import { IntlMessageFormat } from 'intl-messageformat';
import { de } from './errors/de.js';
import { en, type ErrorKey } from './errors/en.js';
import { fr } from './errors/fr.js';

export type { ErrorKey };
/** A translation of the error messages: every key of ./errors/en.ts (a unit test names any missing one). */
export type ErrorCatalogue = Partial<Record<ErrorKey, string>>;

/** Every error message per language. Adding a language: one file in ./errors and its line here. */
export const errorCatalogues: Readonly<Record<Language, ErrorCatalogue>> = { en, de, fr };

/** A placeholder's value: text, a number, or a list of other messages (joined as the language joins lists). */
export type ErrorVar = string | number | { list: readonly ErrorKey[] };

const formats = new Map<string, IntlMessageFormat>();

/** `key`'s error message in `lang` (English where a translation lacks it), its placeholders, plurals and selects filled by intl-messageformat. */
export function errorText(lang: Language, key: ErrorKey, vars: Readonly<Record<string, ErrorVar>> = {}): string {
  const own = errorCatalogues[lang][key];
  const [language, message] = own === undefined ? (['en', en[key]] as const) : [lang, own];
  const id = `${language}:${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(message, language, undefined, { ignoreTag: true });
    formats.set(id, format);
  }
  const values = Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [
      name,
      typeof value === 'object' ? new Intl.ListFormat(language, { type: 'unit' }).format(value.list.map((k) => errorText(lang, k))) : value,
    ]),
  );
  return String(format.format(values));
}
