import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { DEFAULT_ANONYMITY_THRESHOLD, MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD, MIN_PASSWORD_LENGTH } from '@pulse/shared/limits';
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url().optional());

/** An address, or a CIDR range with a prefix that fits the address family. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies' X-Forwarded-For to believe, in a form Fastify's `trustProxy` takes: false
 * (unset or `off`: the socket address counts), a hop count, or addresses and CIDR ranges.
 */
const zTrustProxy = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx): false | number | string[] => {
      if (value === undefined || value.trim() === 'off') return false;
      if (/^\d+$/.test(value.trim())) {
        const hops = Number(value);
        if (hops >= 1) return hops;
      } else {
        const entries = value.split(',').map((e) => e.trim());
        if (entries.every(isAddressOrRange)) return entries;
      }
      ctx.addIssue({ code: 'custom', message: 'must be off, a hop count (1 or more), or addresses and CIDR ranges separated by commas' });
      return z.NEVER;
    }),
);

/** Loopback hosts: the only ones an `http:` OpenID issuer may name (a provider in a test). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An OpenID issuer: https, or http on a loopback address only. */
const zIssuer = z.preprocess(
  emptyAsUndefined,
  z
    .url()
    .optional()
    .refine((value) => {
      if (value === undefined) return true;
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    }, 'must be an https: URL (http: only on a loopback address, for tests)'),
);

const zEnv = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65_535).default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  /** Unset: http://localhost:PORT (3000 while PORT is 0, a port chosen only when listening). */
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  SMTP_URL: optionalUrl,
  ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).optional()),
  ANONYMITY_THRESHOLD: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(MIN_ANONYMITY_THRESHOLD).max(MAX_ANONYMITY_THRESHOLD).default(DEFAULT_ANONYMITY_THRESHOLD),
  ),
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'production', 'test']).default('development')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  SESSION_IDLE_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(120)),
  SESSION_MAX_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(24)),
  LOGIN_WINDOW_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(900)),
  DATABASE_NAMED_STATEMENTS: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  TRUST_PROXY: zTrustProxy,
  OIDC_ISSUER: zIssuer,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_PROVIDER_NAME: z.preprocess(emptyAsUndefined, z.string().max(60).default('your company account')),
  PASSWORD_LOGIN: z.preprocess(emptyAsUndefined, z.enum(['all', 'admin-only']).default('all')),
  PULSE_SECRET_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx): Buffer | undefined => {
        if (value === undefined) return undefined;
        const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
        if (key.length === 32) return key;
        ctx.addIssue({ code: 'custom', message: 'must be 32 random bytes, as 64 hex digits or base64 (openssl rand -base64 32)' });
        return z.NEVER;
      }),
  ),
  SLACK_API_URL: optionalUrl,
});

/** The OpenID Connect client, when OIDC_ISSUER and its client are configured. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button: "Sign in with <providerName>". */
  providerName: string;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  anonymityThreshold: number;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  /** A session unused this long ends; one older than sessionMaxHours ends regardless. */
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Failed logins are counted over this sliding window (per account and per address). */
  loginWindowSeconds: number;
  /**
   * Whether the hot statements go to PostgreSQL as named prepared statements (faster answering);
   * off for a PgBouncer in transaction pooling without prepared-statement support.
   */
  namedStatements: boolean;
  /**
   * The proxies whose X-Forwarded-For (and -Proto, -Host) is believed, as Fastify's `trustProxy`
   * takes them: false trusts none (the socket's address counts), a number trusts that many hops,
   * a list trusts those addresses and ranges.
   */
  trustProxy: false | number | string[];
  /** OpenID Connect sign-in; null when OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
  /** `admin-only`: only admins may sign in with a password (break-glass); others use OIDC. */
  passwordLogin: 'all' | 'admin-only';
  /** Encrypts chat credentials at rest (AES-256-GCM); without it no chat can be connected. */
  secretKey: Buffer | undefined;
  /** The Slack Web API's base URL; unset means Slack's own (https://slack.com/api/). */
  slackApiUrl: string | undefined;
}

/** Raised with every problem in the environment at once, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A local .env (see .env.example) fills the variables the environment leaves unset. */
export function readDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/** The only reader of the environment: one zod parse, frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = zEnv.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.OIDC_ISSUER && !(e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET))
    problems.push('OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: required with OIDC_ISSUER');
  if (!e.OIDC_ISSUER && (e.OIDC_CLIENT_ID || e.OIDC_CLIENT_SECRET))
    problems.push('OIDC_ISSUER: required with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  if (e.PASSWORD_LOGIN === 'admin-only' && !e.OIDC_ISSUER)
    problems.push('PASSWORD_LOGIN: admin-only needs OIDC_ISSUER (else only admins could sign in)');
  if (problems.length) throw new ConfigError(problems);
  const oidc =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, providerName: e.OIDC_PROVIDER_NAME }
      : null;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT || 3000}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    anonymityThreshold: e.ANONYMITY_THRESHOLD,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    namedStatements: e.DATABASE_NAMED_STATEMENTS === 'on',
    trustProxy: e.TRUST_PROXY,
    oidc,
    passwordLogin: e.PASSWORD_LOGIN,
    secretKey: e.PULSE_SECRET_KEY,
    slackApiUrl: e.SLACK_API_URL,
  });
}
