import type { Language, TokenInfo } from '@pulse/shared';
import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../../errors.js';
import { hashToken, newToken, type SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUserByEmail, findUserById } from '../users/find-user.js';
import { getDefaultLanguage } from '../settings/settings.service.js';
import { mailText, spokenLanguage } from '../../i18n/mail-text.js';
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

/** The invitation or reset mail, in the recipient's language. */
function message(app: FastifyInstance, purpose: TokenPurpose, user: Recipient, link: string, language: Language, inviter?: string) {
  const hours = LIFETIME_MS[purpose] / 3_600_000;
  const hello = mailText(language, 'hello', { name: user.name });
  if (purpose === 'invite') {
    const body = mailText(language, 'account.invite.body', { inviter: inviter ?? mailText(language, 'account.invite.hr') });
    const choose = mailText(language, 'account.invite.choose', { days: hours / 24 });
    const signIn = mailText(language, 'account.invite.signIn', { url: `${app.config.publicUrl}/login` });
    return {
      to: user.email,
      subject: mailText(language, 'account.invite.subject'),
      text: `${hello}\n\n${body}\n${choose}\n\n${link}\n\n${signIn}\n`,
    };
  }
  const body = mailText(language, 'account.reset.body');
  const choose = mailText(language, 'account.reset.choose', { hours });
  const notYou = mailText(language, 'account.reset.notYou');
  return {
    to: user.email,
    subject: mailText(language, 'account.reset.subject'),
    text: `${hello}\n\n${body}\n${choose}\n\n${link}\n\n${notYou}\n`,
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
  const language = spokenLanguage((await findUserById(app.db, user.id))?.language) ?? (await getDefaultLanguage(app.db));
  await app.mailer.send(message(app, purpose, user, link, language, inviter?.name));
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
  const reservation = await reserveAttempt(
    app.db,
    [{ key: `reset:${target}`, max: RESET_MAILS_PER_WINDOW }],
    app.config.loginWindowSeconds,
  );
  if (!reservation.granted) return;
  const user = await findUserByEmail(app.db, email);
  const known = canSignIn(user);
  await recordAudit(app.db, null, 'auth.reset_requested', target, { ip, known });
  if (user && known) await sendTokenMail(app, 'reset', user);
}

async function usableToken(app: FastifyInstance, token: string) {
  const row = await findToken(app.db, hashToken(token));
  if (!row || !canSignIn(row)) throw notFound('link');
  if (row.used_at || row.expires_at.getTime() < Date.now()) {
    throw new ApiError(410, 'gone', 'auth.linkGone');
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
      throw new ApiError(410, 'gone', 'auth.linkGone');
    }
    await setPasswordHash(trx, row.user_id, hash);
  });
  const user: SessionUser = { id: row.user_id, email: row.email, name: row.name, role: row.role };
  await recordAudit(app.db, user, 'auth.password_set', user.id, { via: row.purpose });
  return user;
}
