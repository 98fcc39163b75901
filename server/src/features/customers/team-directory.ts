import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';

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

/** Every team with its path, for naming teams in the customer map and reading names from a CSV. */
export async function teamDirectory(db: Kysely<Database>): Promise<TeamDirectory> {
  const rows = await db.selectFrom('teams').select(['id', 'name', 'parent_id', 'archived_at']).execute();
  const raw = new Map(rows.map((r) => [r.id, r]));
  const byId = new Map<string, TeamEntry>();
  const entry = (id: string): TeamEntry => {
    const found = byId.get(id);
    if (found) return found;
    const row = raw.get(id)!;
    const parent = row.parent_id ? entry(row.parent_id) : null;
    const made = { id, name: row.name, parentId: row.parent_id, path: parent ? `${parent.path}/${row.name}` : row.name, archived: row.archived_at !== null };
    byId.set(id, made);
    return made;
  };
  for (const r of rows) entry(r.id);
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
