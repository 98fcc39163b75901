import type { TokenInfo } from '@pulse/shared';
import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../../errors.js';
import { hashToken, newToken, type SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUserByEmail } from '../users/find-user.js';
import { reserveAttempt } from './login-limit.js';
import { hashPassword } from './password.js';
import { findToken, replaceToken, setPasswordHash, useToken, type TokenPurpose } from './tokens.repository.js';

const LIFETIME_MS: Record<TokenPurpose, number> = { invite: 7 * 24 * 3_600_000, reset: 3_600_000 };
/** Reset mails per address within the login window; more are silently dropped. */
const RESET_MAILS_PER_WINDOW = 3;

interface Recipient {
  id: string;
  email: string;
  name: string;
}

function message(app: FastifyInstance, purpose: TokenPurpose, user: Recipient, link: string, inviter?: string) {
  const hours = LIFETIME_MS[purpose] / 3_600_000;
  const valid = hours >= 24 ? `${hours / 24} days` : `${hours} hour${hours === 1 ? '' : 's'}`;
  if (purpose === 'invite') {
    return {
      to: user.email,
      subject: 'You are invited to Pulse',
      text: `Hello ${user.name},\n\n${inviter ?? 'Your HR team'} invited you to Pulse, the team pulse dashboard.\nChoose your password here (the link works once, for ${valid}):\n\n${link}\n\nSign in afterwards at ${app.config.publicUrl}/login\n`,
    };
  }
  return {
    to: user.email,
    subject: 'Reset your Pulse password',
    text: `Hello ${user.name},\n\nSomeone asked to reset the password of your Pulse account.\nChoose a new password here (the link works once, for ${valid}):\n\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.\n`,
  };
}

/** Creates a single-use link (only its hash is stored) and mails it. */
export async function sendTokenMail(app: FastifyInstance, purpose: TokenPurpose, user: Recipient, inviter?: SessionUser) {
  const token = newToken();
  await replaceToken(app.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    purpose,
    expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]),
  });
  const link = `${app.config.publicUrl}/set-password?token=${token}`;
  await app.mailer.send(message(app, purpose, user, link, inviter?.name));
}

/** Who can be given a password: active accounts that have a dashboard to sign in to. */
const canSignIn = (user: { active: boolean; role: string } | undefined) => Boolean(user?.active) && user?.role !== 'member';

/**
 * Mails a reset link when the address has an account that signs in (members answer pulses
 * from their personal link and get no password). The route answers before this runs, so the
 * answer and its timing are the same for a known, a member's and an unknown address.
 */
export async function requestPasswordReset(app: FastifyInstance, email: string, ip: string): Promise<void> {
  const target = email.trim().toLowerCase();
  const reservation = await reserveAttempt(app.db, [{ key: `reset:${target}`, max: RESET_MAILS_PER_WINDOW }], app.config.loginWindowSeconds);
  if (!reservation.granted) return;
  const user = await findUserByEmail(app.db, email);
  const known = canSignIn(user);
  await recordAudit(app.db, null, 'auth.reset_requested', target, { ip, known });
  if (user && known) await sendTokenMail(app, 'reset', user);
}

async function usableToken(app: FastifyInstance, token: string) {
  const row = await findToken(app.db, hashToken(token));
  if (!row || !canSignIn(row)) throw notFound('Link');
  if (row.used_at || row.expires_at.getTime() < Date.now()) {
    throw new ApiError(410, 'gone', 'This link has already been used or has expired. Ask for a new one.');
  }
  return row;
}

/** What the set-password page shows before the password is chosen. */
export async function describeToken(app: FastifyInstance, token: string): Promise<TokenInfo> {
  const row = await usableToken(app, token);
  return { purpose: row.purpose, email: row.email, name: row.name };
}

/** Sets the password from a link, once; returns the user to sign in. */
export async function setPasswordWithToken(app: FastifyInstance, token: string, password: string): Promise<SessionUser> {
  const row = await usableToken(app, token);
  const hash = await hashPassword(password);
  await app.db.transaction().execute(async (trx) => {
    if (!(await useToken(trx, row.token_hash))) {
      throw new ApiError(410, 'gone', 'This link has already been used or has expired. Ask for a new one.');
    }
    await setPasswordHash(trx, row.user_id, hash);
  });
  const user: SessionUser = { id: row.user_id, email: row.email, name: row.name, role: row.role };
  await recordAudit(app.db, user, 'auth.password_set', user.id, { via: row.purpose });
  return user;
}
