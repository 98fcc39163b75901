import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';

export interface AuditInsert {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one entry; the table refuses updates and deletes (trigger in the foundation migration). */
export async function insertAudit(db: Kysely<Database>, entry: AuditInsert): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      actor_email: entry.actorEmail,
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditQuery {
  limit: number;
  before?: number | undefined;
  action?: string | undefined;
}

/** Newest first, `limit` entries older than id `before`, optionally by action prefix. */
export function listAudit(db: Kysely<Database>, query: AuditQuery) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(query.limit);
  if (query.before !== undefined) q = q.where('id', '<', query.before);
  if (query.action) q = q.where('action', 'like', `${query.action.replace(/[%_\\]/g, '\\$&')}%`);
  return q.execute();
}
