import { parse } from '@formatjs/icu-messageformat-parser';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import { languages } from '../shared/src/languages.js';
import { partOf } from './src/i18n/parts.js';

const id = 'virtual:pulse-messages';
const i18nDir = fileURLToPath(new URL('src/i18n', import.meta.url));
const sourceOf = (lang: string) => (lang === 'en' ? path.join(i18nDir, 'messages.ts') : path.join(i18nDir, 'locales', `${lang}.ts`));

/** A catalogue file's messages (`en` from messages.ts, the default export of a locale file). */
async function read(lang: string): Promise<Record<string, string>> {
  const module = (await tsImport(sourceOf(lang), import.meta.url)) as { en?: Record<string, string>; default?: Record<string, string> };
  return (lang === 'en' ? module.en : module.default) ?? {};
}

/**
 * The interface's text, two chunks per language: `virtual:pulse-messages` exports loaders per
 * language, `virtual:pulse-messages/<lang>/pulse` the messages the pulse page uses (./src/i18n/parts.ts)
 * and `…/<lang>/rest` the dashboard's, with every message that has an argument precompiled to its
 * ICU syntax tree. The browser so downloads only the chosen
 * language, and never the ICU parser (aliased to its no-parser build below): measured in the
 * README's "Languages". A key a translation lacks is filled from English (and fails a unit test).
 */
export function i18nMessages(): Plugin {
  return {
    name: 'pulse-messages',
    config: () => ({
      resolve: {
        alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
      },
    }),
    resolveId: (source) => (source === id || source.startsWith(`${id}/`) ? `\0${source}` : undefined),
    async load(resolved) {
      if (resolved === `\0${id}`) {
        const parts = (lang: string) => `{ pulse: () => import('${id}/${lang}/pulse'), rest: () => import('${id}/${lang}/rest') }`;
        return `export default { ${languages.map((lang) => `${lang}: ${parts(lang)}`).join(', ')} };`;
      }
      if (!resolved.startsWith(`\0${id}/`)) return undefined;
      const [lang = '', part] = resolved.slice(id.length + 2).split('/');
      for (const file of new Set([sourceOf('en'), sourceOf(lang)])) this.addWatchFile(file);
      const merged = { ...(await read('en')), ...(lang === 'en' ? {} : await read(lang)) };
      const compiled = Object.fromEntries(
        Object.entries(merged)
          .filter(([key]) => partOf(key) === part)
          .map(([key, message]) => [key, /[{}]/.test(message) ? parse(message, { ignoreTag: true }) : message]),
      );
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}
