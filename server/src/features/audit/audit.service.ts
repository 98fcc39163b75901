import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../plugins/auth.js';
import { insertAudit } from './audit.repository.js';

/**
 * Writes who did what to the audit log. `actor` is the signed-in user (null for the system or
 * an anonymous attempt); `action` is a dotted name such as `teams.update` or `exports.download`.
 */
export async function recordAudit(
  db: Kysely<Database>,
  actor: Pick<SessionUser, 'id' | 'email'> | null,
  action: string,
  target: string | null = null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertAudit(db, { actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, action, target, details });
}
