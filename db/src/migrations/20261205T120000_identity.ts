import { sql, type Kysely } from 'kysely';

/**
 * Single sign-on and provisioning. `scim_tokens`: bearer tokens an admin creates for the
 * identity provider's SCIM client, stored as their sha256 only. `oidc_logins`: one row per
 * sign-in started at the OpenID provider, keyed by the hash of a browser cookie, holding the
 * state, nonce and PKCE verifier until the callback uses it once. `users.external_id`: the
 * identity provider's own id for a person provisioned by SCIM.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scim_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('oidc_logins')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('next', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.alterTable('users').addColumn('external_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('external_id').execute();
  await db.schema.dropTable('oidc_logins').execute();
  await db.schema.dropTable('scim_tokens').execute();
}
