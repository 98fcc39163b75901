import { sql, type Kysely } from 'kysely';

/**
 * Sign-in limits decided in one statement: `reserve_login_attempt` takes a transaction-scoped
 * advisory lock on each key (in sorted order, so two calls never deadlock), counts each key's
 * attempts within the window and, only when every key is under its limit, records one attempt
 * under each key. The lock is held until the calling statement's transaction commits, and a
 * PL/pgSQL statement in READ COMMITTED sees what earlier holders committed, so however many
 * calls arrive at once, at most `maxes_in[i]` attempts per key are granted per window.
 *
 * Returns `retry_after` (0: granted; otherwise seconds until the oldest attempt that matters
 * leaves the window), `earlier` (attempts already in the window, per key in input order) and
 * `ids` (the recorded attempts, as text, for giving them back). Old attempts of every key are
 * forgotten on the way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function reserve_login_attempt(
      keys_in text[],
      maxes_in integer[],
      window_in interval,
      now_in timestamptz
    ) returns table (retry_after integer, earlier integer[], ids text[]) language plpgsql volatile as $$
    declare
      lock_key text;
      i integer;
      recent integer;
      oldest timestamptz;
      wait integer := 0;
      counts integer[] := '{}';
      new_ids text[];
    begin
      for lock_key in select distinct k from unnest(keys_in) as k order by k loop
        perform pg_advisory_xact_lock(hashtextextended(lock_key, 0));
      end loop;
      for i in 1 .. coalesce(array_length(keys_in, 1), 0) loop
        select count(*), min(r.at) into recent, oldest
        from (
          select f.at from login_failures f
          where f.key = keys_in[i] and f.at > now_in - window_in
          order by f.at desc
          limit maxes_in[i]
        ) r;
        counts := counts || recent;
        if recent >= maxes_in[i] then
          wait := greatest(wait, 1, ceil(extract(epoch from (oldest + window_in - now_in)))::integer);
        end if;
      end loop;
      if wait > 0 then
        return query select wait, counts, '{}'::text[];
        return;
      end if;
      with inserted as (
        insert into login_failures (key, at) select k, now_in from unnest(keys_in) as k returning id
      )
      select array_agg(id::text) into new_ids from inserted;
      delete from login_failures where at < now_in - window_in;
      return query select 0, counts, new_ids;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function reserve_login_attempt(text[], integer[], interval, timestamptz)`.execute(db);
}
