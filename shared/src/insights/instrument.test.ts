import { describe, expect, it } from 'vitest';
import { buildTeamTree } from './tree.js';
import { cellItems, enpsCounts, enpsScore, itemScore, rollUpItems } from './instrument.js';
import { momentsOf } from './stats.js';

describe('eNPS', () => {
  it('counts 9–10 as promoters and 0–6 as detractors; 7–8 are passive', () => {
    expect(enpsCounts([10, 9, 8, 7, 6, 0])).toEqual({ n: 6, promoters: 2, detractors: 2 });
  });

  it('matches a hand calculation of the delta-method interval', () => {
    // 20 answers: 10 promoters (p = 0.5), 6 passives, 4 detractors (d = 0.2).
    // eNPS = 100 · (0.5 − 0.2) = 30.
    // Var = [p + d − (p − d)²] / n = (0.5 + 0.2 − 0.09) / 20 = 0.0305; √Var = 0.174642…
    // half-width = 1.959964 · 0.174642 · 100 = 34.2293, so the interval is −4.2293 … 64.2293.
    const e = enpsScore({ n: 20, promoters: 10, detractors: 4 })!;
    expect(e.score).toBeCloseTo(30, 10);
    expect(e.ciLow).toBeCloseTo(-4.2293, 3);
    expect(e.ciHigh).toBeCloseTo(64.2293, 3);
    expect(e.promoters).toBeCloseTo(50, 10);
    expect(e.detractors).toBeCloseTo(20, 10);
  });

  it('has the per-respondent variance of the worked example on Cross Validated (NPS margin of error)', () => {
    // whuber's example: promoters 1/2, passives 1/3, detractors 1/6 give NPS 1/3 and a
    // variance per respondent of (2/3)²·1/2 + (1/3)²·1/3 + (4/3)²·1/6 = 5/9. With 36 answers
    // (18, 12, 6) the standard error is √(5/9 / 36) = 0.12423, the interval 33.33 ± 24.35.
    const e = enpsScore({ n: 36, promoters: 18, detractors: 6 })!;
    expect(e.score).toBeCloseTo(100 / 3, 10);
    expect((e.ciHigh - e.ciLow) / 2 / 100 / 1.959964).toBeCloseTo(Math.sqrt(5 / 9 / 36), 5);
    expect(e.ciLow).toBeCloseTo(8.9855, 3);
    expect(e.ciHigh).toBeCloseTo(57.6812, 3);
  });

  it('clips the interval to −100…100 and has none without answers', () => {
    // 5 answers, 2 promoters and 2 detractors: eNPS 0, half-width 1.96·√(0.8/5)·100 = 78.4.
    const balanced = enpsScore(enpsCounts([10, 9, 8, 3, 0]))!;
    expect(balanced.score).toBe(0);
    expect(balanced.ciHigh).toBeCloseTo(78.3986, 3);
    // 3 promoters of 5 and 2 detractors: 20 ± 1.96·√((1 − 0.04)/5)·100 = 20 ± 85.88, clipped at 100.
    const wide = enpsScore({ n: 5, promoters: 3, detractors: 2 })!;
    expect(wide.ciHigh).toBe(100);
    expect(wide.ciLow).toBeCloseTo(20 - 85.8813, 3);
    expect(enpsScore({ n: 0, promoters: 0, detractors: 0 })).toBeNull();
  });
});

describe('custom items', () => {
  it('shows a mean with its t interval, clipped to the item scale', () => {
    // 1, 2, 3, 4, 5: mean 3, sd √2.5 = 1.5811, t(0.975, 4) = 2.7764 → half-width 1.9632.
    const s = itemScore('q', momentsOf([1, 2, 3, 4, 5]), { text: 'Q', min: 1, max: 5 })!;
    expect(s.mean).toBe(3);
    expect(s.ciLow).toBeCloseTo(3 - 1.9632, 3);
    expect(s.ciHigh).toBeCloseTo(3 + 1.9632, 3);
    const clipped = itemScore('q', momentsOf([5, 5, 5, 4, 1]), { text: 'Q', min: 1, max: 5 })!;
    expect(clipped.ciHigh).toBe(5);
  });
});

describe('figures per cell', () => {
  // Org → Ops → (Legal, Payroll).
  const tree = buildTeamTree([
    { id: 'ops', parentId: null },
    { id: 'legal', parentId: 'ops' },
    { id: 'payroll', parentId: 'ops' },
  ]);
  const custom = new Map([['q', { text: 'Q', min: 1, max: 5 }]]);
  const input = {
    byTeam: new Map([
      ['legal', { enps: enpsCounts([10, 9, 9, 5, 7, 8]), custom: { q: momentsOf([4, 4, 5, 3, 4, 4]) } }],
      ['payroll', { enps: enpsCounts([0, 10]) }],
    ]),
    custom,
  };
  const totals = rollUpItems(tree, input);
  const node = (id: string) => tree.indexOf.get(id)!;

  it('rolls the answers up the tree', () => {
    expect(totals[node('ops')]!.enps).toEqual({ n: 8, promoters: 4, detractors: 2 });
  });

  it('shows nothing in a hidden cell', () => {
    expect(cellItems(totals[node('legal')]!, 6, false, custom)).toEqual({});
  });

  it('shows an item only where every respondent of the cell answered it', () => {
    // Ops has 8 respondents; only Legal's 6 were asked the question: Ops shows eNPS, not the question.
    const ops = cellItems(totals[node('ops')]!, 8, true, custom);
    expect(ops.enps?.n).toBe(8);
    expect(ops.customItems).toBeUndefined();
    const legal = cellItems(totals[node('legal')]!, 6, true, custom);
    expect(legal.customItems?.map((i) => [i.id, i.n, i.mean])).toEqual([['q', 6, 4]]);
    // A cell with more respondents than eNPS answers (someone was not asked) shows no eNPS.
    expect(cellItems(totals[node('legal')]!, 7, true, custom).enps).toBeUndefined();
  });
});
