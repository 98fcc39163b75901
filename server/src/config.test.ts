import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      publicUrl: 'http://localhost:3000',
      anonymityThreshold: 5,
      nodeEnv: 'development',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', ANONYMITY_THRESHOLD: '2', DATABASE_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/ANONYMITY_THRESHOLD/);
    expect(problems).toMatch(/DATABASE_URL/);
  });

  it('links to the port it serves on when PUBLIC_URL is unset (the demo and the digests print it)', () => {
    expect(loadConfig({ PORT: '4100' }).publicUrl).toBe('http://localhost:4100');
    expect(loadConfig({ PORT: '4100', PUBLIC_URL: 'https://pulse.example.org/' }).publicUrl).toBe('https://pulse.example.org');
    // A port chosen by the system is known only once listening: the documented default stands.
    expect(loadConfig({ PORT: '0' }).publicUrl).toBe('http://localhost:3000');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default in every mode', () => {
    for (const NODE_ENV of ['development', 'production', 'test']) expect(loadConfig({ NODE_ENV }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1, fd00::/8' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
    ]);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['true', 'yes', '10.0.0.300', '10.0.0.0/33', '0', '-1', 'proxy.internal']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('OpenID Connect and PASSWORD_LOGIN', () => {
  const client = { OIDC_CLIENT_ID: 'pulse', OIDC_CLIENT_SECRET: 'secret' };
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return '';
    } catch (e) {
      return (e as ConfigError).problems.join('\n');
    }
  };

  it('is off by default, with passwords for everyone', () => {
    expect(loadConfig({})).toMatchObject({ oidc: null, passwordLogin: 'all' });
  });

  it('takes an https issuer, or http only on a loopback address', () => {
    expect(loadConfig({ OIDC_ISSUER: 'https://acme.okta.com', ...client }).oidc).toMatchObject({
      issuer: 'https://acme.okta.com',
      clientId: 'pulse',
    });
    expect(loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:4000', ...client }).oidc?.issuer).toBe('http://127.0.0.1:4000');
    expect(loadConfig({ OIDC_ISSUER: 'http://localhost:4000', ...client }).oidc).not.toBeNull();
    for (const issuer of ['http://idp.example.com', 'http://10.0.0.5', 'http://127.0.0.1.nip.io', 'ftp://127.0.0.1']) {
      expect(problemsOf({ OIDC_ISSUER: issuer, ...client })).toMatch(/OIDC_ISSUER/);
    }
  });

  it('needs the issuer and its client together, and admin-only passwords only with single sign-on', () => {
    expect(problemsOf({ OIDC_ISSUER: 'https://acme.okta.com' })).toMatch(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
    expect(problemsOf({ ...client })).toMatch(/OIDC_ISSUER/);
    expect(problemsOf({ PASSWORD_LOGIN: 'admin-only' })).toMatch(/PASSWORD_LOGIN/);
    expect(problemsOf({ PASSWORD_LOGIN: 'none' })).toMatch(/PASSWORD_LOGIN/);
    expect(loadConfig({ OIDC_ISSUER: 'https://acme.okta.com', ...client, PASSWORD_LOGIN: 'admin-only' }).passwordLogin).toBe('admin-only');
  });
});

describe('PULSE_SECRET_KEY', () => {
  it('takes 32 bytes as 64 hex digits or base64, and leaves chat off when unset', () => {
    const bytes = Buffer.alloc(32, 7);
    expect(loadConfig({ PULSE_SECRET_KEY: bytes.toString('hex') }).secretKey).toEqual(bytes);
    expect(loadConfig({ PULSE_SECRET_KEY: bytes.toString('base64') }).secretKey).toEqual(bytes);
    expect(loadConfig({}).secretKey).toBeUndefined();
  });

  it('refuses a short or malformed key, naming the variable but not echoing the value', () => {
    for (const bad of ['secret', Buffer.alloc(16, 1).toString('base64'), 'ab'.repeat(31)]) {
      let error: unknown;
      try {
        loadConfig({ PULSE_SECRET_KEY: bad });
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/PULSE_SECRET_KEY/);
      expect((error as ConfigError).message).not.toContain(bad);
    }
  });
});
