import type { Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from './auth.js';

/** 'all' for admin and hr; otherwise the ids of every team the user may see. */
export type TeamScope = 'all' | ReadonlySet<string>;

/**
 * The one scope rule of the application: admin and hr see every team; a leader sees the teams
 * they lead and all teams beneath them (archived ones included, so history stays visible);
 * a member sees no team.
 */
export async function teamScope(db: Kysely<Database>, user: Pick<SessionUser, 'id' | 'role'>): Promise<TeamScope> {
  if (user.role === 'admin' || user.role === 'hr') return 'all';
  if (user.role !== 'leader') return new Set();
  const { rows } = await sql<{ id: string }>`
    with recursive visible(id) as (
      select team_id from team_leaders where user_id = ${user.id}
      union
      select t.id from teams t join visible v on t.parent_id = v.id
    )
    select id from visible`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/** True when `teamId` lies inside `scope`. */
export function inScope(scope: TeamScope, teamId: string | null | undefined): boolean {
  if (scope === 'all') return true;
  return teamId != null && scope.has(teamId);
}
