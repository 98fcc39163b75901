import { describe, expect, it } from 'vitest';
import { formattingLocale } from './dates.js';

describe('the locale dates are written in', () => {
  it('is the browser’s own variant of the interface language', () => {
    // A British browser reading English writes "8 Dec 2026, 09:00", not the US "Dec 8, 2026, 9:00 AM".
    expect(formattingLocale('en', ['en-GB', 'en'])).toBe('en-GB');
    expect(formattingLocale('de', ['fr-FR', 'de-AT', 'de'])).toBe('de-AT');
  });

  it('is the interface language when the browser prefers none of its variants', () => {
    // A French browser on a page in German writes German dates, as the text around them.
    expect(formattingLocale('de', ['fr-FR', 'en-US'])).toBe('de');
    expect(formattingLocale('fr', [])).toBe('fr');
  });
});
