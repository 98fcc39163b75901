import { containsPattern, type Database, type Role, type UserRow } from '@pulse/db';
import { sql, type Kysely, type Transaction } from 'kysely';

/** The user with this email (case-insensitive), active or not. */
export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A case-insensitive LIKE pattern matching `text` anywhere, wildcards in it escaped. */

export interface AccountRow extends Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'team_id' | 'active'> {
  has_password: boolean;
  leads_team_ids: string[];
}

function accounts(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.team_id',
      'u.active',
      sql<boolean>`u.password_hash is not null`.as('has_password'),
      sql<
        string[]
      >`(select coalesce(json_agg(tl.team_id order by tl.team_id), '[]'::json) from team_leaders tl where tl.user_id = u.id)`.as(
        'leads_team_ids',
      ),
    ]);
}

/** Accounts with a role (all but members unless `role` says otherwise), by name. */
export function listAccounts(db: Kysely<Database>, filter: { role?: Role | undefined; q?: string | undefined }): Promise<AccountRow[]> {
  let q = accounts(db)
    .orderBy(sql`lower(u.name)`)
    .orderBy('u.id');
  q = filter.role ? q.where('u.role', '=', filter.role) : q.where('u.role', '<>', 'member');
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    q = q.where((eb) => eb.or([eb(sql`lower(u.name)`, 'like', pattern), eb(sql`lower(u.email)`, 'like', pattern)]));
  }
  return q.execute();
}

export function findAccount(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return accounts(db).where('u.id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<Database>,
  values: { email: string; name: string; role: Role; team_id: string | null },
): Promise<string> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  trx: Transaction<Database>,
  id: string,
  changes: { name?: string; role?: Role; team_id?: string | null; active?: boolean },
): Promise<void> {
  await trx.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function removeLeadership(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('team_leaders').where('user_id', '=', userId).execute();
}
