import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';
import { overdueWithOwners } from './actions.repository.js';

/** An owner's open actions past their due date. */
export interface OverdueActions {
  email: string;
  name: string;
  actions: { id: string; title: string; teamId: string; teamName: string; dueAt: string }[];
}

/**
 * Open actions past their due date (UTC), by owner id, for the digests. Kept apart from
 * actions.service so the digests (which the close path imports) do not import the read paths.
 */
export async function overdueActionsByOwner(db: Kysely<Database>, now: Date): Promise<Map<string, OverdueActions>> {
  const byOwner = new Map<string, OverdueActions>();
  for (const row of await overdueWithOwners(db, now.toISOString().slice(0, 10))) {
    const owner = byOwner.get(row.owner_id) ?? { email: row.owner_email, name: row.owner_name, actions: [] };
    owner.actions.push({ id: row.id, title: row.title, teamId: row.team_id, teamName: row.team_name, dueAt: row.due_at });
    byOwner.set(row.owner_id, owner);
  }
  return byOwner;
}
