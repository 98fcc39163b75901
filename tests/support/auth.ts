import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import type { Role } from '@pulse/db';
import type { App } from '@pulse/server';
import { hashToken, newToken, SESSION_COOKIE } from '@pulse/server/plugins/auth';
import { hashPassword } from '@pulse/server/features/auth/password';
import { createTestApp, type TestApp } from './test-app.js';

/** The password every test user gets unless a test chooses one. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  password: string;
}

export interface UserOptions {
  role: Role;
  email?: string;
  name?: string;
  password?: string;
  teamId?: string | null;
}

/** Inserts an active user straight into the database, with an argon2 password hash. */
export async function createUser(app: App, options: UserOptions): Promise<TestUser> {
  const suffix = randomBytes(4).toString('hex');
  const email = options.email ?? `${options.role}-${suffix}@example.test`;
  const name = options.name ?? `${options.role[0]!.toUpperCase()}${options.role.slice(1)} ${suffix}`;
  const password = options.password ?? TEST_PASSWORD;
  const row = await app.db
    .insertInto('users')
    .values({ email, name, role: options.role, team_id: options.teamId ?? null, password_hash: await hashPassword(password) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, name, role: options.role, teamId: options.teamId ?? null, password };
}

export interface Session {
  user: TestUser;
  /** `pulse_session=<token>`, for a `cookie` header. */
  cookie: string;
  /** The cookie plus a same-site Origin: enough for any state-changing request. */
  headers: { cookie: string; origin: string };
}

/**
 * A signed-in session for `who`: a role (a new user of that role is created) or an existing
 * user. The session row is written directly, like a successful login would.
 */
export async function loginAs(app: App, who: Role | TestUser, options: Omit<UserOptions, 'role'> = {}): Promise<Session> {
  const user = typeof who === 'string' ? await createUser(app, { role: who, ...options }) : who;
  const token = newToken();
  await app.db
    .insertInto('sessions')
    .values({ id_hash: hashToken(token), user_id: user.id })
    .execute();
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { user, cookie, headers: { cookie, origin: app.config.publicUrl } };
}

/** The `pulse_session` cookie value from a response's Set-Cookie, or undefined. */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string | undefined {
  const all = [setCookie ?? []].flat();
  const line = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.startsWith(`${SESSION_COOKIE}=;`));
  return line?.split(';')[0];
}

/**
 * The links in the newest mail to `to`, read from the .eml file itself (the Outbox page hides
 * credential links), waiting for it: a password reset mails after it has answered.
 */
export async function latestMailLinks(app: App, to: string): Promise<string[]> {
  const { simpleParser } = await import('mailparser');
  return vi.waitFor(
    async () => {
      const names = (await readdir(app.mailer.outboxDir).catch(() => [] as string[]))
        .filter((n) => n.endsWith('.eml'))
        .sort()
        .reverse();
      for (const name of names) {
        const mail = await simpleParser(await readFile(path.join(app.mailer.outboxDir, name)));
        const addresses = [mail.to ?? []]
          .flat()
          .map((a) => a.text)
          .join(', ');
        if (addresses.includes(to)) return (mail.text ?? '').match(/https?:\/\/[^\s<>"')]+/g) ?? [];
      }
      throw new Error(`No mail to ${to} in the outbox`);
    },
    { timeout: 20_000, interval: 50 },
  );
}

/** The token of the newest set-password link mailed to `to`; with `newerThan`, waits for a newer one. */
export async function latestPasswordToken(app: App, to: string, newerThan?: string): Promise<string> {
  return vi.waitFor(
    async () => {
      const link = (await latestMailLinks(app, to)).find((l) => l.includes('/set-password?token='));
      const token = link && new URL(link).searchParams.get('token');
      if (!token || token === newerThan) throw new Error(`No new set-password link mailed to ${to}`);
      return token;
    },
    { timeout: 20_000, interval: 50 },
  );
}

/**
 * The usual hooks of an integration file: one app (on `env`) for the file, emptied before each
 * test (database and mail outbox), then a fresh signed-in `role`; `ready` receives both.
 */
export function withSignedInApp(
  role: Role,
  ready: (t: TestApp, session: Session) => void,
  options: { env?: Record<string, string>; name?: string } = {},
): void {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(options.env);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.truncate();
    rmSync(t.app.mailer.outboxDir, { recursive: true, force: true });
    ready(t, await loginAs(t.app, role, options.name ? { name: options.name } : {}));
  });
}
