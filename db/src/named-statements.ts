import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * A statement on a hot path that each pooled PostgreSQL connection prepares once, by name, and
 * from then on only binds and runs: PostgreSQL parses and plans it once per connection instead of
 * on every call (docs/benchmarks.md). Only fixed texts belong here: each stays prepared on every
 * connection for the connection's life. The embedded database runs the same text unnamed.
 */
export interface NamedStatement {
  name: string;
  text: string;
}

/** Answering a pulse: the claim of migration 20261207T100000_language_counts, as one call. */
export const claimPulseResponse: NamedStatement = {
  name: 'claim_pulse_response',
  text: 'select claim_pulse_response($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10, $11) as stored',
};

const nameOfText = new Map([claimPulseResponse].map((statement) => [statement.text, statement.name]));

/** A pooled connection that sends the named statements' texts by name and the rest unnamed. */
class NamingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(text: string | PostgresCursor<R>, parameters: readonly unknown[] = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely passes a cursor only when the dialect is given a cursor class to stream with; ours is not.
    if (typeof text !== 'string') throw new Error('This pool is not set up for cursors.');
    return this.client.query<R & pg.QueryResultRow>({ text, values: [...parameters], name: nameOfText.get(text) }) as Promise<
      PostgresQueryResult<R>
    >;
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}

/** `pool` as Kysely's PostgreSQL dialect uses it, with the named statements prepared per connection. */
export function namingPool(pool: pg.Pool): PostgresPool {
  // One wrapper per connection for its whole life: Kysely keeps per-connection state keyed by it.
  const wrappers = new WeakMap<pg.PoolClient, NamingClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = new NamingClient(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}
