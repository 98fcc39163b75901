import { describe, expect, it } from 'vitest';
import { actionEffect, withoutMoments, type EffectCell, type EffectCycle } from './action-effect.js';
import { mergeMoments, momentsOf } from './stats.js';

const cell = (n: number, mean: number, sd: number): EffectCell => ({ n, mean, sd });
const cycle = (team: EffectCell | undefined, comparison: EffectCell | undefined): EffectCycle => ({ team, comparison });

describe('actionEffect: difference-in-differences with a 95% Welch interval', () => {
  it('matches a hand calculation with no clear change', () => {
    // Team: before one cycle (n 5, mean 50, sd 10); after (5, 60, 10) and (5, 70, 10).
    // Pooled after: N 10, mean 65, m2 = 4·100 + 4·100 + 10²·5·5/10 = 1050; var of mean 1050/9/10.
    // Comparison (not containing the team): before (20, 50, 20); after (20, 52, 20), (20, 54, 20):
    // pooled after N 40, mean 53, m2 = 2·19·400 + 2²·20·20/40 = 15240; var of mean 15240/39/40.
    const effect = actionEffect({
      before: [cycle(cell(5, 50, 10), cell(20, 50, 20))],
      after: [cycle(cell(5, 60, 10), cell(20, 52, 20)), cycle(cell(5, 70, 10), cell(20, 54, 20))],
      comparisonIncludesTeam: false,
    });
    const variances = [100 / 5, 1050 / 9 / 10, 400 / 20, 15240 / 39 / 40];
    const dfs = [4, 9, 19, 39];
    const v = variances.reduce((a, b) => a + b);
    const df = v ** 2 / variances.reduce((sum, x, i) => sum + x ** 2 / dfs[i]!, 0);
    expect(df).toBeCloseTo(27.23, 2);
    // t(0.975, 27) = 2.052 and t(0.975, 28) = 2.048 in the tables; df 27.23 lies between.
    const tLow = 2.048;
    const tHigh = 2.052;
    expect(effect.team).toEqual({ before: 50, after: 65, change: 15 });
    expect(effect.comparison!.change).toBeCloseTo(3, 10);
    expect(effect.difference).toBeCloseTo(12, 10);
    expect(effect.ciLow!).toBeGreaterThan(12 - tHigh * Math.sqrt(v));
    expect(effect.ciLow!).toBeLessThan(12 - tLow * Math.sqrt(v));
    expect(effect.ciHigh! - 12).toBeCloseTo(12 - effect.ciLow!, 10);
    expect(effect.ciLow!).toBeCloseTo(-4.08, 1);
    expect(effect).toMatchObject({ verdict: 'no_clear_change', beforeCycles: 1, afterCycles: 2 });
  });

  it('says improved when the interval lies above zero, worsened when below', () => {
    // Team 40 → 60 over two cycles each (n 10, sd 10); comparison flat at 50 (n 40, sd 10).
    // Var of the team's pooled means: 2·9·100/19/20 = 4.7368; the comparison's: 2·39·100/79/80 = 1.2342.
    // Difference 20, se √(2·4.7368 + 2·1.2342) = 3.4557, df ≈ 59.4, t(0.975, 60) = 2.000.
    const flat = cell(40, 50, 10);
    const up = actionEffect({
      before: [cycle(cell(10, 40, 10), flat), cycle(cell(10, 40, 10), flat)],
      after: [cycle(cell(10, 60, 10), flat), cycle(cell(10, 60, 10), flat)],
      comparisonIncludesTeam: false,
    });
    expect(up.difference).toBeCloseTo(20, 10);
    expect(up.ciLow!).toBeCloseTo(20 - 2.0 * 3.4557, 1);
    expect(up.ciHigh!).toBeCloseTo(20 + 2.0 * 3.4557, 1);
    expect(up.verdict).toBe('improved');
    const down = actionEffect({
      before: [cycle(cell(10, 60, 10), flat), cycle(cell(10, 60, 10), flat)],
      after: [cycle(cell(10, 40, 10), flat), cycle(cell(10, 40, 10), flat)],
      comparisonIncludesTeam: false,
    });
    expect(down.difference).toBeCloseTo(-20, 10);
    expect(down.verdict).toBe('worsened');
  });

  it('credits the action only with what the comparison group did not also gain', () => {
    // The whole organisation rose 20 points, the team too: no effect of the action.
    const effect = actionEffect({
      before: [cycle(cell(10, 40, 10), cell(40, 40, 10)), cycle(cell(10, 40, 10), cell(40, 40, 10))],
      after: [cycle(cell(10, 60, 10), cell(40, 60, 10)), cycle(cell(10, 60, 10), cell(40, 60, 10))],
      comparisonIncludesTeam: false,
    });
    expect(effect.team!.change).toBeCloseTo(20, 10);
    expect(effect.difference).toBeCloseTo(0, 10);
    expect(effect.verdict).toBe('no_clear_change');
  });

  it('takes the team out of a parent that contains it, exactly', () => {
    const team = momentsOf([20, 40, 60, 80, 100]);
    const rest = momentsOf([0, 25, 50, 50, 75, 75, 100, 100]);
    const parent = mergeMoments(team, rest);
    const back = withoutMoments(parent, team);
    expect(back.n).toBe(8);
    expect(back.mean).toBeCloseTo(rest.mean, 10);
    expect(back.m2).toBeCloseTo(rest.m2, 8);

    const asCell = (m: { n: number; mean: number; m2: number }) => cell(m.n, m.mean, Math.sqrt(m.m2 / (m.n - 1)));
    const later = momentsOf([50, 50, 75, 75, 100]);
    const parentLater = mergeMoments(later, rest);
    const viaParent = actionEffect({
      before: [cycle(asCell(team), asCell(parent))],
      after: [cycle(asCell(later), asCell(parentLater)), cycle(asCell(later), asCell(parentLater))],
      comparisonIncludesTeam: true,
    });
    const direct = actionEffect({
      before: [cycle(asCell(team), asCell(rest))],
      after: [cycle(asCell(later), asCell(rest)), cycle(asCell(later), asCell(rest))],
      comparisonIncludesTeam: false,
    });
    // The rest did not change, so the difference is the team's own change: 70 − 60 = 10.
    expect(viaParent.difference).toBeCloseTo(10, 8);
    expect(viaParent.ciLow).toBeCloseTo(direct.ciLow!, 8);
    expect(viaParent.ciHigh).toBeCloseTo(direct.ciHigh!, 8);
  });

  it('is too early with fewer than two usable cycles after the start, or none before', () => {
    const c = cycle(cell(10, 50, 10), cell(40, 50, 10));
    expect(actionEffect({ before: [c, c], after: [c], comparisonIncludesTeam: false })).toEqual({
      verdict: 'too_early',
      beforeCycles: 2,
      afterCycles: 1,
      team: null,
      comparison: null,
      difference: null,
      ciLow: null,
      ciHigh: null,
    });
    expect(actionEffect({ before: [], after: [c, c], comparisonIncludesTeam: false }).verdict).toBe('too_early');
  });

  it('uses only visible cells: a suppressed cycle is skipped, not counted as zero', () => {
    const flat = cell(40, 50, 10);
    const suppressedTeam = cycle(undefined, flat);
    const suppressedComparison = cycle(cell(10, 0, 0.1), undefined);
    const effect = actionEffect({
      before: [cycle(cell(10, 40, 10), flat), suppressedTeam],
      after: [suppressedComparison, cycle(cell(10, 60, 10), flat), suppressedTeam, cycle(cell(10, 60, 10), flat)],
      comparisonIncludesTeam: false,
    });
    expect(effect).toMatchObject({ beforeCycles: 1, afterCycles: 2, team: { before: 40, after: 60, change: 20 } });
    // Suppressed throughout after the start: still too early, however many cycles passed.
    expect(
      actionEffect({
        before: [cycle(cell(10, 40, 10), flat)],
        after: [suppressedTeam, suppressedTeam, suppressedTeam],
        comparisonIncludesTeam: false,
      }).verdict,
    ).toBe('too_early');
  });

  it('compares the nearest three cycles on each side of the start', () => {
    const flat = cell(40, 50, 10);
    const effect = actionEffect({
      before: [cycle(cell(10, 0, 10), flat), cycle(cell(10, 40, 10), flat), cycle(cell(10, 40, 10), flat), cycle(cell(10, 40, 10), flat)],
      after: [cycle(cell(10, 50, 10), flat), cycle(cell(10, 50, 10), flat), cycle(cell(10, 50, 10), flat), cycle(cell(10, 100, 10), flat)],
      comparisonIncludesTeam: false,
    });
    expect(effect).toMatchObject({ beforeCycles: 3, afterCycles: 3, team: { before: 40, after: 50, change: 10 } });
  });
});
