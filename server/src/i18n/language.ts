import { acceptLanguageTags, firstSpoken, isLanguage, type Language } from '@pulse/shared';

/**
 * Whose language: the first of `choices` Pulse speaks, in order of precedence (an explicit
 * `?lang=`, the person's own, …); then the first language of `Accept-Language` Pulse speaks;
 * then the organisation's default.
 */
export function chooseLanguage(
  choices: readonly (string | null | undefined)[],
  acceptLanguage: string | undefined,
  organisationDefault: Language,
): Language {
  return choices.find(isLanguage) ?? firstSpoken(acceptLanguageTags(acceptLanguage)) ?? organisationDefault;
}
