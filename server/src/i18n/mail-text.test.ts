import { catalogueProblems } from '@pulse/shared/i18n-check';
import { languages } from '@pulse/shared';
import { describe, expect, it } from 'vitest';
import { mailCatalogues, mailText } from './mail-text.js';
import { en } from './mails/en.js';

describe('mail catalogues', () => {
  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang} has every mail text of the English with the same placeholders, plurals and selects`, () => {
      const problems = catalogueProblems(en, mailCatalogues[lang] as Record<string, string>);
      expect(problems, `server/src/i18n/mails/${lang}.ts:\n${problems.join('\n')}`).toEqual([]);
    });
  }

  it('lets the library choose plural forms and selects, per language', () => {
    expect(mailText('en', 'account.reset.choose', { hours: 1 })).toContain('for 1 hour)');
    expect(mailText('de', 'account.invite.choose', { days: 7 })).toContain('7 Tage lang');
    expect(mailText('fr', 'digest.subject.overdue', { count: 1, label: 'Mai' })).toBe(
      'Vos actions\u00a0: 1 action en retard après le sondage Mai',
    );
    expect(mailText('de', 'digest.signal.construct', { construct: 'competence', frustration: 'yes', change: 4 })).toBe(
      'Kompetenzfrustration +4 Punkte',
    );
    expect(mailText('fr', 'digest.signal.construct', { construct: 'competence', frustration: 'yes', change: 0 })).toBe(
      'frustration de compétence inchangée',
    );
    expect(mailText('en', 'conversation.body', { from: 'hr' })).toBe('HR wrote on an anonymous comment of your team:');
  });
});
