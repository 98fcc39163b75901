import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUserByEmail } from '../users/users.repository.js';
import {
  ACCOUNT_LIMIT,
  accountKey,
  ADDRESS_LIMIT,
  addressKey,
  clearFailures,
  failureDelayMs,
  recentFailures,
  recordFailure,
  retryAfterSeconds,
} from './login-limit.js';
import { verifyPassword } from './password.js';

export type LoginResult = { ok: true; user: SessionUser } | { ok: false; retryAfter: number };

/**
 * Checks a password with the per-account and per-address limits. Unknown email, inactive
 * account, no password yet and wrong password all fail the same way, after the same work.
 */
export async function login(app: FastifyInstance, email: string, password: string, ip: string): Promise<LoginResult> {
  const { db } = app;
  const window = app.config.loginWindowSeconds;
  const account = accountKey(email);
  const address = addressKey(ip);
  const target = email.trim().toLowerCase();

  const retryAfter = await retryAfterSeconds(
    db,
    [
      { key: account, max: ACCOUNT_LIMIT },
      { key: address, max: ADDRESS_LIMIT },
    ],
    window,
  );
  if (retryAfter > 0) {
    await recordAudit(db, null, 'auth.login_failed', target, { reason: 'rate_limited', ip });
    return { ok: false, retryAfter };
  }

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.active ? user.password_hash : null, password);
  if (!user || !valid) {
    const previous = await recentFailures(db, account, window);
    await recordFailure(db, [account, address], window);
    await recordAudit(db, null, 'auth.login_failed', target, { reason: 'bad_credentials', ip });
    await sleep(failureDelayMs(previous));
    return { ok: false, retryAfter: 0 };
  }
  await clearFailures(db, account);
  const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, role: user.role };
  await recordAudit(db, sessionUser, 'auth.login', user.id, { ip });
  return { ok: true, user: sessionUser };
}
