import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging.js';

describe('redactUrl', () => {
  const token = 'Ab3_-x'.repeat(7);
  it('replaces the credential in pulse, page and password-link paths, however encoded', () => {
    expect(redactUrl(`/p/${token}`)).toBe('/p/[token]');
    expect(redactUrl(`/p/${token}?utm=mail`)).toBe('/p/[token]?utm=mail');
    expect(redactUrl(`/api/v1/pulse/${token}`)).toBe('/api/v1/pulse/[token]');
    expect(redactUrl(`/api/v1/auth/tokens/${token}`)).toBe('/api/v1/auth/tokens/[token]');
    expect(redactUrl(`/%70/${token}`)).toBe('/p/[token]');
    expect(redactUrl(`/%61pi/v1/pulse/${token}`)).toBe('/api/v1/pulse/[token]');
  });

  it('replaces credential parameters and keeps the rest', () => {
    expect(redactUrl(`/set-password?token=${token}`)).toBe('/set-password?token=[token]');
    expect(redactUrl(`/login?next=%2Fteams&Token=${token}`)).toBe('/login?next=%2Fteams&Token=[token]');
    expect(redactUrl('/api/v1/teams?limit=5')).toBe('/api/v1/teams?limit=5');
  });

  it('replaces the code and state an OpenID provider returns to the callback', () => {
    expect(redactUrl(`/api/v1/auth/oidc/callback?code=${token}&state=${token}&iss=https%3A%2F%2Fidp`)).toBe(
      '/api/v1/auth/oidc/callback?code=[token]&state=[token]&iss=https%3A%2F%2Fidp',
    );
  });
});
