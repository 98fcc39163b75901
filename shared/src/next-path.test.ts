import { describe, expect, it } from 'vitest';
import { safeNext } from './next-path.js';

const SITE = 'https://pulse.example.org';

describe('safeNext', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNext('/teams')).toBe('/teams');
    expect(safeNext('/insights/teams/42?cycle=3#trend')).toBe('/insights/teams/42?cycle=3#trend');
  });

  it('drops anything a browser would resolve to another site, or back to sign-in', () => {
    const hostile = [
      '/\\evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      '//evil.example',
      '/\t/evil.example',
      'https://evil.example/teams',
      'javascript:alert(1)',
      'teams',
      '/login',
      '/login?next=/teams',
      '',
      null,
    ];
    for (const next of hostile) expect(safeNext(next), String(next)).toBeNull();
  });

  it('only ever returns paths that stay on the site they are resolved against', () => {
    const candidates = ['/a', '/%5Cevil.example', '/./\\evil', '/..//evil.example', '/a/../..//evil', '/\u2215evil', '/%2F%2Fevil'];
    for (const next of candidates) {
      const kept = safeNext(next);
      if (kept !== null) expect(new URL(kept, SITE).origin, next).toBe(SITE);
    }
  });
});
