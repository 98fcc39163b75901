import type { Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';

/** A table's columns and their types, by name: what an anonymity test inspects. */
export async function tableColumns(db: Kysely<Database>, table: string) {
  const { rows } = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_schema = 'public' and table_name = ${table} order by column_name`.execute(db);
  return rows;
}
