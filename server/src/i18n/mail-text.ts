import { isLanguage, type Language } from '@pulse/shared';
import { IntlMessageFormat } from 'intl-messageformat';
import { de } from './mails/de.js';
import { en, type MailKey } from './mails/en.js';
import { fr } from './mails/fr.js';

export type { MailKey };
/** A translation of the mails: every key of ./mails/en.ts (a unit test names any missing one). */
export type MailCatalogue = Partial<Record<MailKey, string>>;

/** Every mail's text per language. Adding a language: one file in ./mails and its line here. */
export const mailCatalogues: Readonly<Record<Language, MailCatalogue>> = { en, de, fr };

const formats = new Map<string, IntlMessageFormat>();

/** `key`'s mail text in `lang` (English where a translation lacks it), its placeholders, plurals and selects filled by intl-messageformat. */
export function mailText(lang: Language, key: MailKey, vars: Record<string, string | number> = {}): string {
  const own = mailCatalogues[lang][key];
  const [language, message] = own === undefined ? (['en', en[key]] as const) : [lang, own];
  const id = `${language}:${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(message, language, undefined, { ignoreTag: true });
    formats.set(id, format);
  }
  return String(format.format(vars));
}

/** A stored language, or undefined when it is none Pulse speaks (then the organisation's default applies). */
export const spokenLanguage = (stored: string | null | undefined): Language | undefined => (isLanguage(stored) ? stored : undefined);

/** Dates in a mail, in its reader's language and the organisation's time zone, e.g. "Friday 4 December 2026 at 17:00". */
export const mailDateTime = (date: Date, lang: Language, timeZone: string): string =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
