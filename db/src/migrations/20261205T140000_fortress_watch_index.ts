import type { Kysely } from 'kysely';

/**
 * The fortress watch reads a cycle's cells with a high fortress index through this index, so
 * it grows with the teams it lists, not with the organisation (docs/benchmarks.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('team_cycle_stats_fortress_idx').on('team_cycle_stats').columns(['cycle_id', 'fortress_index']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('team_cycle_stats_fortress_idx').execute();
}
