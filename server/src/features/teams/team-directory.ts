import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';
import { comparePlaces, placesOf } from './team-paths.js';

/** A team with its slash-separated path ("Operations/Legal"). */
export interface TeamEntry {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  archived: boolean;
}

export interface TeamDirectory {
  byId: ReadonlyMap<string, TeamEntry>;
  /** Live teams called `nameOrPath`: a path matches one team, a bare name every live team of that name. Case-insensitive. */
  find(nameOrPath: string): TeamEntry[];
}

/** Every team with its path, archived ones included: for naming teams and reading names from a CSV. */
export async function teamDirectory(db: Kysely<Database>): Promise<TeamDirectory> {
  const rows = await db.selectFrom('teams').select(['id', 'name', 'parent_id', 'archived_at']).execute();
  const places = placesOf(rows);
  const byId = new Map<string, TeamEntry>(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, parentId: r.parent_id, path: places.get(r.id)!.path, archived: r.archived_at !== null },
    ]),
  );
  const live = [...byId.values()].filter((t) => !t.archived);
  const byPath = new Map(live.map((t) => [t.path.toLowerCase(), t]));
  const byName = new Map<string, TeamEntry[]>();
  for (const t of live) byName.set(t.name.toLowerCase(), [...(byName.get(t.name.toLowerCase()) ?? []), t]);
  return {
    byId,
    find(nameOrPath) {
      const key = nameOrPath
        .split('/')
        .map((s) => s.trim())
        .join('/')
        .toLowerCase();
      if (key.includes('/')) return byPath.has(key) ? [byPath.get(key)!] : [];
      return byName.get(key) ?? [];
    },
  };
}

/** Every team, archived ones included, with its path, in path order: sub-teams follow their parent. */
export async function teamsInPathOrder(db: Kysely<Database>): Promise<{ id: string; name: string; path: string }[]> {
  const rows = await db.selectFrom('teams').select(['id', 'name', 'parent_id']).orderBy('name').execute();
  const places = placesOf(rows);
  return rows
    .map((r) => ({ id: r.id, name: r.name, place: places.get(r.id)! }))
    .sort((a, b) => comparePlaces(a.place, b.place))
    .map(({ place, ...team }) => ({ ...team, path: place.path }));
}
