import * as ledgerMigration from '../../db/src/migrations/20261204T100000_publication_ledger.js';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useDemoOrganisation } from '../support/demo.js';
import { backend } from '../support/test-app.js';

/**
 * An installation from before the publication ledger: its migration records what is served
 * then (scores, alignment, partner totals and matrix cells) as each closed cycle's publication.
 */
describe(`the publication ledger's migration (${backend})`, () => {
  const demo = useDemoOrganisation();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables are read before the schema types know them
  const ledger = async (db: Kysely<any>) => ({
    cycles: await db.selectFrom('published_cycles').select(['cycle_id', 'threshold']).orderBy('cycle_id').execute(),
    cells: await db.selectFrom('published_cells').select(['cycle_id', 'cell', 'n']).orderBy('cycle_id').orderBy('cell').execute(),
  });

  it('seeds every closed cycle with the cells served before it, each with its n', async () => {
    const db = demo.t.app.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const recorded = await ledger(db);
    expect(recorded.cycles).toHaveLength(18);
    const figures = new Set(recorded.cells.map((c) => c.cell.split(':')[0]));
    expect([...figures].sort()).toEqual(['alignment', 'partner', 'partner_cell', 'scores']);

    await ledgerMigration.down(db);
    await ledgerMigration.up(db);
    expect(await ledger(db)).toEqual(recorded);
    // Served figures name the threshold their reasons refer to again.
    const unnamed = await db.selectFrom('team_cycle_stats').select('cycle_id').where('threshold', 'is', null).execute();
    expect(unnamed).toEqual([]);
  });
});
