import type { Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';

/** A table's columns and their types, by name: what an anonymity test inspects. */
export async function tableColumns(db: Kysely<Database>, table: string) {
  const { rows } = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_schema = 'public' and table_name = ${table} order by column_name`.execute(db);
  return rows;
}

/** The tables that `table`'s foreign keys point at, in name order. */
export async function referencedTables(db: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{ referenced: string }>`
    select distinct ccu.table_name as referenced
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
    where tc.table_name = ${table} and tc.constraint_type = 'FOREIGN KEY' order by 1`.execute(db);
  return rows.map((r) => r.referenced);
}

/**
 * Every stored value that names a member or an invitation (ids, emails, names, token hashes),
 * and the given link tokens: none of them may appear in an anonymous row.
 */
export async function personalValues(db: Kysely<Database>, tokens: readonly string[]): Promise<string[]> {
  const invitations = await db.selectFrom('invitations').selectAll().execute();
  const users = await db.selectFrom('users').selectAll().execute();
  return [
    ...tokens,
    ...invitations.flatMap((i) => [i.id, i.token_hash, i.reminder_token_hash, i.user_id]),
    ...users.flatMap((u) => [u.id, u.email, u.name]),
  ].filter((s): s is string => Boolean(s));
}
