import type { Database, UserRow } from '@pulse/db';
import type { Member } from '@pulse/shared';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import { listMembers as listRows } from './members.repository.js';

/** The one place a user row becomes a member in the API. */
export const toMember = (row: UserRow): Member => ({
  id: row.id,
  email: row.email,
  name: row.name,
  teamId: row.team_id,
  role: row.role,
  active: row.active,
});

export interface MemberFilter {
  q?: string | undefined;
  teamId?: string | undefined;
  includeInactive: boolean;
  limit?: number | undefined;
}

/** Members inside `scope`; a team outside it is "not found" rather than "forbidden". */
export async function listMembers(db: Kysely<Database>, scope: TeamScope, filter: MemberFilter) {
  if (filter.teamId && !inScope(scope, filter.teamId)) throw notFound('team');
  const teamIds = filter.teamId ? new Set([filter.teamId]) : scope === 'all' ? undefined : scope;
  const { rows, total } = await listRows(db, { q: filter.q, teamIds, includeInactive: filter.includeInactive, limit: filter.limit });
  return { members: rows.map(toMember), total };
}
