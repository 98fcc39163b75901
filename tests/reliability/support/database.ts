import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@pulse/db';
import { hashToken } from '@pulse/server/plugins/auth';
import { sql, type Kysely } from 'kysely';
import { freshDatabase } from '../../support/test-app.js';

export interface ReliabilityDatabase {
  url: string;
  db: Kysely<Database>;
  drop(): Promise<void>;
}

/** A fresh migrated database on the suite's PostgreSQL, with a Kysely handle for checks. */
export async function reliabilityDatabase(): Promise<ReliabilityDatabase> {
  const fresh = await freshDatabase();
  const url = fresh.env.DATABASE_URL!;
  const handle = await openDatabase({ databaseUrl: url, dataDir: mkdtempSync(path.join(tmpdir(), 'pulse-rel-')) });
  return {
    url,
    db: handle.db,
    drop: async () => {
      await handle.close();
      await fresh.drop();
    },
  };
}

/** What the database holds for a cycle: responses, answered invitations, and which tokens. */
export async function storedAnswers(db: Kysely<Database>, cycleId: string) {
  const { rows } = await sql<{ responses: string; answered: string }>`
    select (select count(*) from responses where cycle_id = ${cycleId}) as responses,
           (select count(*) from invitations where cycle_id = ${cycleId} and answered) as answered`.execute(db);
  const answeredHashes = new Set(
    (await db.selectFrom('invitations').where('cycle_id', '=', cycleId).where('answered', '=', true).select('token_hash').execute()).map(
      (r) => r.token_hash,
    ),
  );
  return {
    responses: Number(rows[0]!.responses),
    answered: Number(rows[0]!.answered),
    /** True when this token's invitation is marked answered. */
    isAnswered: (token: string) => answeredHashes.has(hashToken(token)),
  };
}
