import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUserByEmail } from '../users/find-user.js';
import {
  ACCOUNT_LIMIT,
  accountKey,
  ADDRESS_LIMIT,
  addressKey,
  clearFailures,
  failureDelayMs,
  firstInWindow,
  releaseAttempts,
  reserveAttempt,
} from './login-limit.js';
import { verifyPassword } from './password.js';

export type LoginResult = { ok: true; user: SessionUser } | { ok: false; retryAfter: number };

/** Why a sign-in was refused: a password's, or a single sign-on's (`sso_<reason>`). */
type Refusal = 'bad_credentials' | 'rate_limited' | `sso_${string}`;

/**
 * A refused sign-in is audited once per account, address, reason and window: unauthenticated
 * traffic cannot grow the (undeletable) audit log faster than the limits let it try.
 */
export async function auditRefusal(app: FastifyInstance, target: string, ip: string, reason: Refusal) {
  const window = app.config.loginWindowSeconds;
  if (!(await firstInWindow(app.db, `refused:${reason}:${target}|${ip}`, window))) return;
  await recordAudit(app.db, null, 'auth.login_failed', target, { reason, ip, window_seconds: window, first_in_window: true });
}

/**
 * Checks a password with the per-account and per-address limits. Each attempt is reserved in
 * the database before its password is checked, so at most the limit's number of checks run per
 * window whatever the concurrency. Unknown email, inactive account, no password yet and wrong
 * password all fail the same way, after the same work.
 */
export async function login(app: FastifyInstance, email: string, password: string, ip: string): Promise<LoginResult> {
  const { db } = app;
  const account = accountKey(email);
  const target = email.trim().toLowerCase();

  const reservation = await reserveAttempt(
    db,
    [
      { key: account, max: ACCOUNT_LIMIT },
      { key: addressKey(ip), max: ADDRESS_LIMIT },
    ],
    app.config.loginWindowSeconds,
  );
  if (!reservation.granted) {
    await auditRefusal(app, target, ip, 'rate_limited');
    return { ok: false, retryAfter: reservation.retryAfter };
  }

  const user = await findUserByEmail(db, email);
  // With PASSWORD_LOGIN=admin-only, only an admin's password is checked; the rest fail alike.
  const mayUsePassword = user?.active && (app.config.passwordLogin === 'all' || user.role === 'admin');
  const valid = await verifyPassword(mayUsePassword ? user.password_hash : null, password);
  if (!user || !mayUsePassword || !valid) {
    // The reserved attempt stays: it is this failure.
    await auditRefusal(app, target, ip, 'bad_credentials');
    await sleep(failureDelayMs(reservation.earlier[account] ?? 0));
    return { ok: false, retryAfter: 0 };
  }
  await releaseAttempts(db, reservation.ids);
  await clearFailures(db, account);
  const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, role: user.role };
  await recordAudit(db, sessionUser, 'auth.login', user.id, { ip });
  return { ok: true, user: sessionUser };
}
