import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from './features/audit/audit.service.js';
import { hashPassword } from './features/auth/password.js';

/** A generated first password: 144 random bits, base64url (24 characters). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * With an empty database, creates the `admin` account from ADMIN_EMAIL / ADMIN_PASSWORD. A
 * missing password is generated and printed once, to the console only (never to the log).
 * Returns the email of the account created, or undefined when there were users already.
 */
export async function ensureFirstAdmin(app: FastifyInstance, print: (text: string) => void = console.log): Promise<string | undefined> {
  const existing = await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return undefined;
  const email = app.config.adminEmail ?? `admin@${new URL(app.config.publicUrl).hostname}`;
  const generated = app.config.adminPassword ? undefined : generatePassword();
  const password = app.config.adminPassword ?? generated!;
  try {
    const row = await app.db
      .insertInto('users')
      .values({ email, name: 'Administrator', role: 'admin', team_id: null, password_hash: await hashPassword(password) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(app.db, null, 'users.first_admin', row.id, { email, generatedPassword: Boolean(generated) });
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if ((error as { code?: string }).code === '23505') return undefined;
    throw error;
  }
  if (generated) {
    const bar = '='.repeat(72);
    print(
      [
        bar,
        'Pulse first run: the admin account was created.',
        `  email:    ${email}`,
        `  password: ${generated}`,
        'This password is shown only this once. Keep it safe, or set ADMIN_PASSWORD before the first start.',
        `Sign in at ${app.config.publicUrl}/login`,
        bar,
      ].join('\n'),
    );
  } else {
    app.log.info({ email }, 'first run: admin account created from ADMIN_EMAIL/ADMIN_PASSWORD');
  }
  return email;
}
