import { catalogueProblems } from '@pulse/shared/i18n-check';
import { languages } from '@pulse/shared';
import { describe, expect, it } from 'vitest';
import { ApiError, conflict, notFound } from '../errors.js';
import { errorCatalogues, errorText } from './error-text.js';
import { en } from './errors/en.js';

describe('error message catalogues', () => {
  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang} has every error message of the English with the same placeholders, plurals and selects`, () => {
      const problems = catalogueProblems(en, errorCatalogues[lang] as Record<string, string>);
      expect(problems, `server/src/i18n/errors/${lang}.ts:\n${problems.join('\n')}`).toEqual([]);
    });
  }

  it('keeps the English words of every error, and answers the same error in another language with the same code', () => {
    expect(notFound('pulseLink').message).toBe('Pulse link not found.');
    expect(new ApiError(410, 'gone', 'pulse.closed').messageIn('de')).toBe('Diese Pulsbefragung ist beendet.');
    const transition = conflict(['actions.transition', { from: 'in_progress', to: 'planned' }]);
    expect(transition.message).toBe('An action that is in progress cannot become planned.');
    expect(transition.messageIn('fr')).toBe('Une action en cours ne peut pas devenir prévue.');
    expect(transition.code).toBe('conflict');
  });

  it('lets the library choose plurals, and joins lists as each language does', () => {
    expect(errorText('en', 'import.lineProblems', { count: 1 })).toBe('1 line has a problem; nothing was imported.');
    expect(errorText('de', 'import.lineProblems', { count: 3 })).toBe('3 Zeilen haben Probleme; nichts wurde importiert.');
    const history = { list: ['teams.history.members', 'teams.history.cycles', 'teams.history.responses'] as const };
    expect(errorText('en', 'teams.hasHistory', { history })).toBe(
      'This team has history (members, cycles, responses), so it cannot be deleted. Archive it instead.',
    );
    expect(errorText('de', 'teams.hasHistory', { history })).toContain('(Mitglieder, Runden und Antworten)');
  });
});
