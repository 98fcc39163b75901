import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../i18n-check.js';
import { languages } from '../languages.js';
import { questionnaires } from '../questionnaire.js';
import { englishTexts, localiseQuestionnaire, questionnaireTexts } from './index.js';

/**
 * Each questionnaire version's wording, per language, as a hash: a translation is part of its
 * questionnaire version, so editing a pinned text must fail here. Change wording by adding a new
 * version (new item ids, shared/src/questionnaire.ts) with its texts in every language, and pin
 * that; never edit a pinned text. A new language adds its own pins.
 */
const pinned: Record<string, string> = {
  'en/1': '88007da4eadb70c1',
  'de/1': '3c48c2f9694ee733',
  'fr/1': 'cb2b21e0289de4c3',
};

/** A version's texts in one language: every item's text and every label of its scales. */
function versionHash(version: number, lang: (typeof languages)[number]): string {
  const localised = localiseQuestionnaire(questionnaires.get(version)!, lang);
  const texts = localised.items.map((item) => [item.id, item.text, item.scale.labels]);
  return createHash('sha256').update(JSON.stringify(texts)).digest('hex').slice(0, 16);
}

describe('questionnaire texts', () => {
  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang} has every item of every version, every scale label and every extra item, with the English placeholders`, () => {
      const texts = questionnaireTexts[lang];
      const problems = [
        ...[...questionnaires.keys()].flatMap((version) =>
          catalogueProblems(englishTexts.versions[version]!, texts.versions[version] ?? {}).map((p) => `version ${version}: ${p}`),
        ),
        ...Object.keys(texts.versions)
          .filter((version) => !questionnaires.has(Number(version)))
          .map((version) => `version ${version} is not a questionnaire version`),
        ...catalogueProblems(englishTexts.labels, texts.labels).map((p) => `scale label ${p}`),
        ...catalogueProblems(englishTexts.extras, texts.extras).map((p) => `extra item ${p}`),
      ];
      expect(problems, `${lang}:\n${problems.join('\n')}`).toEqual([]);
    });
  }

  it('keeps every pinned version’s wording, in every language (a changed text makes a new version)', () => {
    const actual = Object.fromEntries(
      [...questionnaires.keys()].flatMap((version) => languages.map((lang) => [`${lang}/${version}`, versionHash(version, lang)])),
    );
    for (const [key, hash] of Object.entries(actual)) {
      expect(
        pinned[key],
        `${key}: ${pinned[key] ? 'the wording of a published questionnaire version changed. Trends compare answers to the same words: put the new wording in a new version instead' : `not pinned yet: add '${key}': '${hash}'`}`,
      ).toBe(hash);
    }
  });

  it('leaves ids, constructs, facets, reverse scoring and scale ranges as they are: only words change', () => {
    for (const questionnaire of questionnaires.values()) {
      for (const lang of languages) {
        const localised = localiseQuestionnaire(questionnaire, lang);
        expect(
          localised.items.map(({ text: _t, scale, ...rest }) => ({ ...rest, min: scale.min, max: scale.max, n: scale.labels.length })),
        ).toEqual(
          questionnaire.items.map(({ text: _t, scale, ...rest }) => ({ ...rest, min: scale.min, max: scale.max, n: scale.labels.length })),
        );
      }
    }
    expect(localiseQuestionnaire(questionnaires.get(1)!, 'de').items[0]!.text).toBe(
      'Ich habe echten Einfluss darauf, wie ich meine Arbeit mache.',
    );
    expect(localiseQuestionnaire(questionnaires.get(1)!, 'fr').items[0]!.scale.labels[4]).toBe('Tout à fait d’accord');
  });
});
