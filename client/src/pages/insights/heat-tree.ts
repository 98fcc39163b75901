import type { OverviewRow } from '@pulse/shared';
import { CONSTRUCTS, type ConstructKey } from '../../charts/shape.js';

export type SortKey = 'team' | ConstructKey | 'fortress' | 'enps' | 'partner' | 'participation';
export const sortKeys: readonly SortKey[] = ['team', ...CONSTRUCTS, 'fortress', 'enps', 'partner', 'participation'];

export const isSortKey = (value: string | null): value is SortKey => value !== null && (sortKeys as readonly string[]).includes(value);

export interface HeatNode {
  row: OverviewRow;
  level: number;
  children: HeatNode[];
}

/** The value a row is sorted by; hidden figures are null and always sort last. */
function sortValue(row: OverviewRow, key: SortKey): number | string | null {
  if (key === 'team') return row.team.name;
  if (key === 'fortress') return row.fortressIndex ?? null;
  if (key === 'enps') return row.enps?.score ?? null;
  if (key === 'partner') return row.partner?.mean ?? null;
  if (key === 'participation') return row.invited > 0 ? row.responded / row.invited : null;
  return row.scores?.[key].mean ?? null;
}

/**
 * The rows as a forest (a team whose parent is not visible is a root, as for a leader), each
 * set of siblings sorted by `key`.
 */
export function heatTree(rows: readonly OverviewRow[], key: SortKey, descending: boolean): HeatNode[] {
  const ids = new Set(rows.map((r) => r.team.id));
  const byParent = new Map<string | null, OverviewRow[]>();
  for (const row of rows) {
    const parent = row.team.parentId && ids.has(row.team.parentId) ? row.team.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
  }
  const compare = (a: OverviewRow, b: OverviewRow) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? a.team.name.localeCompare(b.team.name) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return (descending ? -order : order) || a.team.name.localeCompare(b.team.name);
  };
  const grow = (parent: string | null, level: number): HeatNode[] =>
    [...(byParent.get(parent) ?? [])].sort(compare).map((row) => ({ row, level, children: grow(row.team.id, level + 1) }));
  return grow(null, 0);
}

/** The rows to draw: every node whose ancestors are all expanded, in tree order. */
export function visibleRows(nodes: readonly HeatNode[], collapsed: ReadonlySet<string>): HeatNode[] {
  return nodes.flatMap((node) => [node, ...(collapsed.has(node.row.team.id) ? [] : visibleRows(node.children, collapsed))]);
}
