import type { ActionsTable, ActionStatus, Database } from '@pulse/db';
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';

/** An action with its team's and owner's names; `due_at` as 'YYYY-MM-DD'. */
export interface ActionView {
  id: string;
  team_id: string;
  team_name: string;
  title: string;
  construct: ActionsTable['construct'];
  alert_id: string | null;
  remedy: string | null;
  status: ActionStatus;
  owner_id: string | null;
  owner_name: string | null;
  due_at: string | null;
  note: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** Actions with names; `teamIds` null means every team. Newest first. */
export async function listActions(
  db: Kysely<Database>,
  filter: { teamIds: readonly string[] | null; id?: string; statuses?: readonly ActionStatus[] },
): Promise<ActionView[]> {
  if (filter.teamIds && filter.teamIds.length === 0) return [];
  let query = db
    .selectFrom('actions as a')
    .innerJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('users as u', 'u.id', 'a.owner_id')
    .select([
      'a.id',
      'a.team_id',
      't.name as team_name',
      'a.title',
      'a.construct',
      'a.alert_id',
      'a.remedy',
      'a.status',
      'a.owner_id',
      'u.name as owner_name',
      sql<string | null>`to_char(a.due_at, 'YYYY-MM-DD')`.as('due_at'),
      'a.note',
      'a.created_at',
      'a.started_at',
      'a.finished_at',
    ]);
  if (filter.teamIds) query = query.where('a.team_id', 'in', filter.teamIds);
  if (filter.id) query = query.where('a.id', '=', filter.id);
  if (filter.statuses) query = query.where('a.status', 'in', filter.statuses);
  return query.orderBy('a.created_at', 'desc').orderBy('a.id').execute();
}

export async function insertAction(trx: Transaction<Database>, row: Insertable<ActionsTable>): Promise<string> {
  const { id } = await trx.insertInto('actions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateAction(trx: Transaction<Database>, id: string, changes: Updateable<ActionsTable>): Promise<void> {
  await trx.updateTable('actions').set(changes).where('id', '=', id).execute();
}

/** Locks an action's row for a change and gives its status. */
export async function lockAction(trx: Transaction<Database>, id: string): Promise<{ team_id: string; status: ActionStatus } | undefined> {
  return trx.selectFrom('actions').select(['team_id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function teamState(db: Kysely<Database>, id: string): Promise<{ archived: boolean } | undefined> {
  const row = await db.selectFrom('teams').select('archived_at').where('id', '=', id).executeTakeFirst();
  return row && { archived: row.archived_at !== null };
}

/** Active accounts that may own a team's actions: leaders of the team or of a team above it, and HR. */
export async function ownerCandidates(
  db: Kysely<Database>,
  teamId: string,
): Promise<{ id: string; name: string; role: 'leader' | 'hr' }[]> {
  const { rows } = await sql<{ id: string; name: string; role: 'leader' | 'hr' }>`
    with recursive lineage(id, parent_id) as (
      select id, parent_id from teams where id = ${teamId}
      union all
      select t.id, t.parent_id from teams t join lineage l on t.id = l.parent_id
    )
    select u.id, u.name, u.role from users u
    where u.active and (
      u.role = 'hr'
      or (u.role = 'leader' and exists (select 1 from team_leaders tl join lineage l on l.id = tl.team_id where tl.user_id = u.id))
    )
    order by u.role desc, u.name`.execute(db);
  return rows;
}

/**
 * The actions in progress a member of `teamId` is asked about: the team's own, then those of the
 * teams above it, each group in the order they started; at most `limit`.
 */
export async function actionsInProgressAbove(
  db: Kysely<Database>,
  teamId: string,
  limit: number,
): Promise<{ id: string; title: string }[]> {
  const { rows } = await sql<{ id: string; title: string }>`
    with recursive lineage(id, parent_id, depth) as (
      select id, parent_id, 0 from teams where id = ${teamId}
      union all
      select t.id, t.parent_id, l.depth + 1 from teams t join lineage l on t.id = l.parent_id
    )
    select a.id, a.title from actions a join lineage l on l.id = a.team_id
    where a.status = 'in_progress'
    order by l.depth, a.started_at, a.id
    limit ${limit}`.execute(db);
  return rows;
}

/** Every answer about these actions in closed cycles, with the cycle's label, oldest cycle first. */
export async function closedCycleAnswers(
  db: Kysely<Database>,
  actionIds: readonly string[],
): Promise<{ action_id: string; cycle_id: string; label: string; answers: number[] }[]> {
  if (actionIds.length === 0) return [];
  const { rows } = await sql<{ action_id: string; cycle_id: string; label: string; answers: number[] }>`
    select a.action_id, c.id as cycle_id, c.label, array_agg(a.answer order by a.answer) as answers
    from action_answers a join cycles c on c.id = a.cycle_id
    where a.action_id in (${sql.join(actionIds)}) and c.status = 'closed'
    group by a.action_id, c.id, c.label, c.opens_at
    order by c.opens_at`.execute(db);
  return rows;
}

/** Open actions whose due date has passed, with their owners' addresses (for digests). */
export async function overdueWithOwners(
  db: Kysely<Database>,
  today: string,
): Promise<
  {
    id: string;
    title: string;
    team_id: string;
    team_name: string;
    due_at: string;
    owner_id: string;
    owner_email: string;
    owner_name: string;
  }[]
> {
  return db
    .selectFrom('actions as a')
    .innerJoin('teams as t', 't.id', 'a.team_id')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .where('a.status', 'in', ['planned', 'in_progress'])
    .where('a.due_at', '<', today)
    .where('u.active', '=', true)
    .select([
      'a.id',
      'a.title',
      'a.team_id',
      't.name as team_name',
      sql<string>`to_char(a.due_at, 'YYYY-MM-DD')`.as('due_at'),
      'u.id as owner_id',
      'u.email as owner_email',
      'u.name as owner_name',
    ])
    .orderBy('a.due_at')
    .execute();
}
