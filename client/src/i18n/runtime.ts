import type { Language } from '@pulse/shared/languages';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { CatalogueScope } from './parts.js';

/** One language's catalogue as the build compiles it: plain text as it is, any other message as its ICU syntax tree. */
export type CompiledCatalogue = Readonly<Record<string, string | MessageFormatElement[]>>;
type Load = () => Promise<{ default: CompiledCatalogue }>;
/** Per language, the pulse page's part of the catalogue and the rest (./parts.ts). */
export type CatalogueLoaders = Readonly<Record<Language, { pulse: Load; rest: Load }>>;

let loaders: CatalogueLoaders | undefined;
let scope: CatalogueScope = 'all';
let language: Language = 'en';
let messages: CompiledCatalogue = {};
const formats = new Map<string, IntlMessageFormat>();
const listeners = new Set<() => void>();

/** Called once at start-up with the build's per-language chunks (virtual:pulse-messages) and the parts this page needs. */
export function setCatalogueLoaders(next: CatalogueLoaders, needs: CatalogueScope): void {
  loaders = next;
  scope = needs;
}

/**
 * Switches the whole interface to `next`: downloads only that language's catalogue (the parts
 * this page needs), then
 * re-renders (subscribers of `onLanguageChange`). Resolves once the text is ready.
 */
export async function setLanguage(next: Language): Promise<void> {
  if (next === language && Object.keys(messages).length > 0) return;
  if (!loaders) throw new Error('setCatalogueLoaders was not called');
  const parts = await Promise.all([loaders[next].pulse(), ...(scope === 'all' ? [loaders[next].rest()] : [])]);
  const loaded = Object.assign({}, ...parts.map((part) => part.default)) as CompiledCatalogue;
  language = next;
  messages = loaded;
  formats.clear();
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

/** The language the interface speaks now. */
export const currentLanguage = (): Language => language;

/** Calls `listener` after every language change; returns the unsubscribe function (for useSyncExternalStore). */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `key`'s message in the current language with `vars` filled in; the key itself before any catalogue has loaded. */
export function formatMessage(key: string, vars: Record<string, string | number>): string {
  const message = messages[key];
  if (message === undefined) return key;
  if (typeof message === 'string') return message;
  let format = formats.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, language);
    formats.set(key, format);
  }
  return String(format.format(vars));
}
