import { currentLanguage } from './runtime.js';

/**
 * The one way the interface writes dates and numbers: Intl in the interface's language, in the
 * browser's own variant of it when the browser prefers one (for example "4 Dec 2026" in Britain,
 * "Dec 4, 2026" in the US, "04.12.2026" in German, "4 déc. 2026" in French), medium date style.
 */
export function formattingLocale(language: string, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(name: string, make: (locale: string) => T): T {
  const key = `${currentLanguage()}:${name}`;
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make(formattingLocale(currentLanguage(), browserLanguages()));
    cache.set(key, format);
  }
  return format;
}

const dayFormat = () => cached('day', (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }));

/** A day, e.g. "4 Dec 2026"; a bare YYYY-MM-DD is that calendar day wherever the browser is. */
export const formatDate = (iso: string | Date) =>
  typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? dayFormat().format(new Date(`${iso}T00:00:00Z`))
    : cached('date', (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' })).format(new Date(iso));

/** A moment, e.g. "4 Dec 2026, 14:26". */
export const formatDateTime = (iso: string | Date) =>
  cached('dateTime', (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));

/** A cycle's month on a chart axis, e.g. "Dec 26" (UTC, as cycles are stored). */
export const formatMonthShort = (iso: string | Date) =>
  cached('monthShort', (lang) => new Intl.DateTimeFormat(lang, { month: 'short', year: '2-digit', timeZone: 'UTC' })).format(new Date(iso));

/** A month in words, e.g. "December 2026" (a new cycle's default name). */
export const formatMonthLong = (date: Date) =>
  cached('monthLong', (lang) => new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric' })).format(date);

/** A weekday's name, e.g. "Monday", from its index with 0 = Monday. */
export const formatWeekday = (index: number) =>
  cached('weekday', (lang) => new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' })).format(
    new Date(Date.UTC(2024, 0, 1 + index)),
  );

/** A score with one decimal, e.g. "62.5" in English, "62,5" in German and French. */
export const formatScore = (value: number) =>
  cached('score', (lang) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(value);
