/**
 * One language's wording of everything a respondent reads in a pulse. English is the source
 * (shared/src/questionnaire.ts and the items in shared/src/api); every other language has one
 * file beside this one. A translation belongs to its questionnaire version: changing one makes a
 * new version (README, "Languages"), and `questionnaire-texts.test.ts` pins each version's texts.
 */
export interface QuestionnaireTexts {
  /** Item texts per questionnaire version, by item id. */
  versions: Readonly<Record<number, Readonly<Record<string, string>>>>;
  /** Scale labels, by their English wording. */
  labels: Readonly<Record<string, string>>;
  /** Items outside the versioned questionnaire, by id: partner ratings, the values item, the action item. */
  extras: Readonly<Record<string, string>>;
}
