import type { OverviewRow, TrendPoint, TrendsResponse } from '@pulse/shared';
import { describe, expect, it } from 'vitest';
import { heatColours, textOn } from './palette.js';
import { constructSeries, enpsSeries, fortressWatch, itemSeries, lowestParticipation, responseSeries } from './shape.js';

const score = (mean: number, n = 8) => ({ mean, sd: 10, ciLow: mean - 5, ciHigh: mean + 5, n });
const scores = (mean: number) => ({ autonomy: score(mean), competence: score(mean), relatedness: score(mean), openness: score(mean) });
const point = (id: string, over: Partial<TrendPoint> = {}): TrendPoint => ({
  cycleId: id,
  label: `Cycle ${id}`,
  opensAt: '2026-03-02T09:00:00.000Z',
  invited: 10,
  responded: 8,
  suppressed: false,
  scores: scores(60),
  ...over,
});
const hidden = (id: string): TrendPoint =>
  point(id, { suppressed: true, reason: 'fewer than 5 responses', scores: undefined, responded: 3 });

describe('chart shaping', () => {
  const trends: TrendsResponse = {
    team: { id: 't', name: 'Legal', parentId: null, path: 'Legal' },
    threshold: 5,
    series: [point('a'), hidden('b'), point('c', { scores: scores(70), fortressIndex: 12 })],
    comparison: {
      name: 'Organisation',
      teamId: null,
      series: [point('a', { scores: scores(55) }), point('b', { scores: scores(57) }), hidden('c')],
    },
  };

  it('draws eNPS and a question only in cycles that asked them, hidden cycles as gaps', () => {
    const enps = { score: 20, ciLow: -10, ciHigh: 50, promoters: 40, detractors: 20, n: 8 };
    const item = { id: 'q', text: 'Q', min: 1, max: 5, mean: 4, sd: 1, ciLow: 3.2, ciHigh: 4.8, n: 8 };
    const asked: TrendsResponse = {
      ...trends,
      // a: before eNPS and the question; b: hidden; c: both asked.
      series: [point('a'), hidden('b'), point('c', { enps, customItems: [item] })],
      comparison: null,
    };
    expect(enpsSeries(asked).map((d) => [d.key, d.mean, d.band])).toEqual([
      ['b', null, null],
      ['c', 20, [-10, 50]],
    ]);
    expect(itemSeries(asked, 'q').map((d) => [d.key, d.mean, d.n])).toEqual([
      ['b', null, null],
      ['c', 4, 8],
    ]);
  });

  it('keeps hidden cycles as gaps with their reason, never zeros, and lines the comparison up by cycle', () => {
    const series = constructSeries(trends, 'autonomy');
    expect(series.map((d) => d.mean)).toEqual([60, null, 70]);
    expect(series[1]).toMatchObject({ hidden: 'fewer than 5 responses', band: null, n: null });
    expect(series[2]).toMatchObject({ band: [65, 75], n: 8, comparison: null, comparisonHidden: true, tick: 'Mar 26' });
    expect(series.map((d) => d.comparison)).toEqual([55, 57, null]);
  });

  it('shows participation for hidden cycles too', () => {
    expect(responseSeries(trends).map((d) => d.rate)).toEqual([80, 30, 80]);
  });

  it('orders the fortress watch by alert level, then fortress index', () => {
    const row = (name: string, alertLevel: OverviewRow['alertLevel'], fortressIndex?: number): OverviewRow => ({
      ...point(name),
      ...(fortressIndex === undefined ? {} : { fortressIndex }),
      team: { id: name, name, parentId: null, path: name },
      depth: 0,
      alertLevel,
    });
    const rows = [
      row('calm', null, 5),
      row('rising', null, 40),
      row('watched', 'watch', 10),
      row('critical', 'critical', 30),
      row('warned', 'warning', 80),
    ];
    expect(fortressWatch(rows).map((r) => r.team.name)).toEqual(['critical', 'warned', 'watched', 'rising']);
    expect(lowestParticipation([{ ...rows[0]!, responded: 2 }, rows[1]!], 1).map((d) => d.name)).toEqual(['calm']);
  });
});

describe('palette', () => {
  it('gives heatmap text at least 4.5:1 contrast and splits the scale at its middle', () => {
    expect(heatColours(49.9).background).not.toBe(heatColours(50).background);
    expect(textOn('#2166ac')).toBe('#ffffff');
    expect(textOn('#d1e5f0')).toBe('#000000');
  });
});
