import { actionItem } from '../api/actions.js';
import { partnerItems } from '../api/partners.js';
import { valuesItem } from '../api/values.js';
import type { Language } from '../languages.js';
import { enpsItem, questionnaires, zeroToTen, type Questionnaire, type Scale } from '../questionnaire.js';
import de from './de.js';
import fr from './fr.js';
import type { QuestionnaireTexts } from './texts.js';

export type { QuestionnaireTexts };

/** A scale as the item definitions hold it (some as readonly constants). */
type ScaleSource = { min: number; max: number; labels: readonly string[] };

/** Every scale a pulse shows: the questionnaire's and the extra items'. */
const scales = (): ScaleSource[] => [
  ...[...questionnaires.values()].flatMap((q) => q.items.map((i) => i.scale)),
  ...partnerItems.map((i) => i.scale),
  valuesItem.scale,
  actionItem.scale,
  zeroToTen,
];

/** English, the source: read from the definitions themselves, so it can never drift from them. */
export const englishTexts: QuestionnaireTexts = {
  versions: Object.fromEntries(
    [...questionnaires].map(([version, q]) => [version, Object.fromEntries(q.items.map((i) => [i.id, i.text]))]),
  ),
  labels: Object.fromEntries(scales().flatMap((s) => s.labels.map((l) => [l, l]))),
  extras: {
    ...Object.fromEntries(partnerItems.map((i) => [i.id, i.text])),
    [valuesItem.id]: valuesItem.text,
    valueStatement: '{value} even at the cost of {cost}',
    action: actionItem.text,
    notNoticed: actionItem.notNoticed,
    [enpsItem.id]: enpsItem.text,
  },
};

/** The pulse's wording in every language. */
export const questionnaireTexts: Readonly<Record<Language, QuestionnaireTexts>> = { en: englishTexts, de, fr };

const label = (lang: Language, english: string) => questionnaireTexts[lang].labels[english] ?? english;

/** A scale with its labels in `lang`. */
export const localiseScale = (scale: ScaleSource, lang: Language): Scale => ({ ...scale, labels: scale.labels.map((l) => label(lang, l)) });

/**
 * A questionnaire as asked, with its items and scales in `lang` (English where a text is
 * missing, which a test forbids). An item id keeps one wording forever, so its text is found by
 * id in whichever version has it; eNPS is translated, HR's own questions stay as HR wrote them.
 */
export function localiseQuestionnaire(questionnaire: Questionnaire, lang: Language): Questionnaire {
  const texts: Record<string, string> = Object.assign({}, ...Object.values(questionnaireTexts[lang].versions));
  const { extraItems } = questionnaire;
  return {
    ...questionnaire,
    items: questionnaire.items.map((item) => ({ ...item, text: texts[item.id] ?? item.text, scale: localiseScale(item.scale, lang) })),
    ...(extraItems
      ? {
          extraItems: extraItems.map((x) => ({
            ...x,
            text: x.kind === 'enps' ? extraText(x.id, lang) : x.text,
            scale: localiseScale(x.scale, lang),
          })),
        }
      : {}),
  };
}

/** An item outside the versioned questionnaire (`par_yes`, `val_aligned`, `action`, `notNoticed`, …) in `lang`. */
export const extraText = (id: string, lang: Language): string => questionnaireTexts[lang].extras[id] ?? englishTexts.extras[id] ?? id;

/** A team value as the pulse reads it in `lang`, for example "responsive even at the cost of perfect". */
export const valueStatementIn = (v: { value: string; cost: string }, lang: Language): string =>
  extraText('valueStatement', lang).replace(/\{(value|cost)\}/g, (_, name: 'value' | 'cost') => v[name]);
