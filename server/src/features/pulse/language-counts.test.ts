import { describe, expect, it } from 'vitest';
import { reportableLanguages } from './language-counts.js';

const counts = (entries: Record<string, number>) => Object.entries(entries).map(([language, responses]) => ({ language, responses }));

describe('which languages a cycle’s counts may show', () => {
  it('shows every language at or above the threshold, most answers first', () => {
    expect(reportableLanguages(counts({ fr: 5, en: 9, de: 5 }), 5)).toEqual(counts({ en: 9, de: 5, fr: 5 }));
  });

  it('never leaves one language alone in the rest, where the total minus the others would show it', () => {
    // fr (2) is below 5; hiding it alone leaves 16 − 9 − 5 = 2: de, the next smallest, goes too.
    expect(reportableLanguages(counts({ en: 9, de: 5, fr: 2 }), 5)).toEqual(counts({ en: 9 }));
  });

  it('never leaves a rest smaller than the threshold, even of several languages', () => {
    expect(reportableLanguages(counts({ en: 9, de: 6, fr: 1, es: 1 }), 5)).toEqual(counts({ en: 9 }));
    // A rest of two languages and at least the threshold can stay as it is.
    expect(reportableLanguages(counts({ en: 9, de: 6, fr: 3, es: 3 }), 5)).toEqual(counts({ en: 9, de: 6 }));
  });

  it('shows nothing when no split is safe', () => {
    expect(reportableLanguages(counts({ en: 9, fr: 1 }), 5)).toEqual([]);
    expect(reportableLanguages(counts({ en: 4, de: 3 }), 5)).toEqual([]);
    expect(reportableLanguages([], 5)).toEqual([]);
  });
});
