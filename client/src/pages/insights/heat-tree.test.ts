import type { OverviewRow } from '@pulse/shared';
import { describe, expect, it } from 'vitest';
import { heatTree, visibleRows } from './heat-tree.js';

const row = (id: string, parentId: string | null, mean: number | null): OverviewRow => ({
  cycleId: 'c',
  label: 'March',
  opensAt: '2026-03-02T09:00:00.000Z',
  invited: 10,
  responded: 8,
  suppressed: mean === null,
  ...(mean === null
    ? { reason: 'fewer than 5 responses' }
    : {
        scores: {
          autonomy: { mean, sd: 1, ciLow: mean, ciHigh: mean, n: 8 },
          competence: { mean, sd: 1, ciLow: mean, ciHigh: mean, n: 8 },
          relatedness: { mean, sd: 1, ciLow: mean, ciHigh: mean, n: 8 },
          openness: { mean, sd: 1, ciLow: mean, ciHigh: mean, n: 8 },
        },
      }),
  team: { id, name: id, parentId, path: id },
  depth: 0,
  alertLevel: null,
});

describe('heatmap tree', () => {
  const rows = [row('Ops', null, 60), row('Legal', 'Ops', 40), row('IT', 'Ops', 70), row('Tiny', 'Ops', null), row('Sales', null, 65)];

  it('sorts siblings only, keeps sub-teams under their parent, and puts hidden cells last', () => {
    const names = (collapsed = new Set<string>()) => visibleRows(heatTree(rows, 'openness', true), collapsed).map((n) => n.row.team.name);
    expect(names()).toEqual(['Sales', 'Ops', 'IT', 'Legal', 'Tiny']);
    expect(visibleRows(heatTree(rows, 'openness', false), new Set()).map((n) => n.row.team.name)).toEqual([
      'Ops',
      'Legal',
      'IT',
      'Tiny',
      'Sales',
    ]);
    expect(names(new Set(['Ops']))).toEqual(['Sales', 'Ops']);
  });

  it('makes a team whose parent is out of view a root, as for a leader', () => {
    const roots = heatTree([row('Legal', 'Ops', 40)], 'team', false);
    expect(roots.map((n) => [n.row.team.name, n.level])).toEqual([['Legal', 0]]);
  });
});
