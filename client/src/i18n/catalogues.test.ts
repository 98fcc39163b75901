import { catalogueProblems } from '@pulse/shared/i18n-check';
import { languages } from '@pulse/shared/languages';
import { describe, expect, it } from 'vitest';
import { en } from './messages.js';

const files = import.meta.glob<Record<string, string>>('./locales/*.ts', { eager: true, import: 'default' });
const catalogue = (lang: string) => files[`./locales/${lang}.ts`];

describe('interface catalogues', () => {
  it('the English source is valid ICU MessageFormat', () => {
    expect(catalogueProblems(en, en)).toEqual([]);
  });

  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang} has every key of the English catalogue with the same placeholders, plurals and selects`, () => {
      const own = catalogue(lang);
      expect(own, `client/src/i18n/locales/${lang}.ts is missing`).toBeDefined();
      const problems = catalogueProblems(en, own!);
      expect(problems, `client/src/i18n/locales/${lang}.ts:\n${problems.join('\n')}`).toEqual([]);
    });
  }

  it('has a file for no language Pulse does not list', () => {
    expect(
      Object.keys(files)
        .map((f) => /\.\/locales\/(\w+)\.ts$/.exec(f)![1])
        .filter((l) => !(languages as readonly string[]).includes(l!)),
    ).toEqual([]);
  });
});
