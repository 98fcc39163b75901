import { sql, type Kysely } from 'kysely';

/**
 * A person's language (`en`, `de`, `fr`, …): from the member import's `language` column or
 * their own choice; null means "the organisation's default" (the `default_language` setting).
 * Not constrained to a list here, so a fourth language needs no migration (the API checks it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column language text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column language`.execute(db);
}
