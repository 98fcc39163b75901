import { describe, expect, it } from 'vitest';
import { aggregateCycle, type CycleAggregate } from './aggregate.js';
import { computeDrift, defaultDriftParams, type DriftParams } from './drift.js';
import type { ResponseScore } from './scores.js';
import { buildTeamTree, type TeamRef } from './tree.js';

/** A response whose every score is `v` (enough to drive one chart by hand). */
const flat = (v: number): ResponseScore => ({
  constructs: { autonomy: v, competence: v, relatedness: v, openness: v },
  facets: {
    autonomy: { satisfaction: v, frustration: 100 - v },
    competence: { satisfaction: v, frustration: 100 - v },
    relatedness: { satisfaction: v, frustration: 100 - v },
  },
});

function cyclesOf(teams: TeamRef[], perCycle: Record<string, number[]>[]): CycleAggregate[] {
  const tree = buildTeamTree(teams);
  return perCycle.map((byTeam, t) =>
    aggregateCycle(
      `c${t}`,
      tree,
      new Map(Object.entries(byTeam).map(([id, values]) => [id, { invited: 10, responses: values.map(flat) }])),
      5,
    ),
  );
}

const hand: DriftParams = { ...defaultDriftParams, lambda: 0.5, L: 3, baselineCycles: 2, baselineGap: 1, minBaselineCycles: 2 };
const one: TeamRef[] = [{ id: 'A', parentId: null }];

describe('EWMA drift on a team series', () => {
  it('follows the hand calculation, limits carrying the baseline error', () => {
    const normal = [40, 50, 60, 50, 50]; // mean 50, m2 200, variance 50
    const low = [30, 40, 50, 40, 40]; // mean 40, same spread
    const drift = computeDrift(cyclesOf(one, [{ A: normal }, { A: normal }, { A: low }, { A: low }]), hand);
    const points = drift.get('A')!;
    // Cycles 0 and 1 only build the baseline: the chart starts at the third visible cycle.
    expect(points[0]!.measures).toBeUndefined();
    expect(points[1]!.measures).toBeUndefined();
    // Cycle 2: μ0 = 50 (cycles 0 and 1, N = 10), σ² = 400/8 = 50, d = −10, E = 0.5 · −10 = −5.
    // Var(E) = σ² (0.5²/5 + 2 · 0.25²/5) = 50 · 0.075 = 3.75 → score −5/1.9365 = −2.5820 (inside ±3).
    const r2 = points[2]!.measures!.relatedness;
    expect(points[2]!.baselineCycles).toBe(2);
    expect(r2.baseline).toBeCloseTo(50, 10);
    expect(r2.sigma).toBeCloseTo(7.0711, 4);
    expect(r2.ewma).toBeCloseTo(-5, 10);
    expect(r2.score).toBeCloseTo(-2.582, 3);
    expect(r2.signal).toBe(0);
    // Cycle 3: the gap (1) keeps cycle 2 out, μ0 = 50 still; E = −5 − 2.5 = −7.5,
    // coefficients ε0 = ε1 = −0.375, ε2 = 0.25, ε3 = 0.5: Var = 10 · 0.59375 = 5.9375,
    // score −7.5/2.4367 = −3.0779: beyond −3.
    const r3 = points[3]!.measures!.relatedness;
    expect(r3.baseline).toBeCloseTo(50, 10);
    expect(r3.ewma).toBeCloseTo(-7.5, 10);
    expect(r3.score).toBeCloseTo(-3.0779, 3);
    expect(r3.signal).toBe(-1);
  });

  it('signals a sustained fall', () => {
    const normal = [40, 50, 60, 50, 50];
    const low = [20, 30, 40, 30, 30]; // mean 30
    const drift = computeDrift(cyclesOf(one, [{ A: normal }, { A: normal }, { A: low }]), { ...hand, baselineGap: 2, baselineCycles: 1 });
    // Window: cycle 1 alone (N = 5, σ² = 50). d = −20, E = −10, Var = 50 · (0.25/5 + 0.25/5) = 5:
    // score −10/2.2361 = −4.472 → beyond −3.
    expect(drift.get('A')![2]!.measures!.relatedness.signal).toBe(-1);
    expect(drift.get('A')![2]!.measures!.relatedness.score).toBeCloseTo(-4.472, 3);
  });

  it('never reads a suppressed cycle: changing its answers changes nothing but its counts', () => {
    const normal = [40, 50, 60, 50, 50];
    const run = (hidden: number[]) =>
      computeDrift(cyclesOf(one, [{ A: normal }, { A: normal }, { A: hidden }, { A: normal }, { A: [30, 40, 50, 40, 40] }]), hand);
    const a = run([0, 0, 0]);
    const b = run([100, 100, 100]);
    expect(a).toEqual(b);
    const points = a.get('A')!;
    expect(points[2]).toMatchObject({ visible: false, responded: 3 });
    expect(points[2]!.measures).toBeUndefined();
    // The chart carries on from cycle 3 as if cycle 2 did not exist: at cycle 4 the window is
    // the first two visible cycles (both mean 50), and cycle 3 is the gap, not cycle 2.
    expect(points[4]!.measures!.relatedness.baseline).toBeCloseTo(50, 10);
  });

  it('starts a young team at its third visible cycle: a suppressed month is not one of its first two', () => {
    const normal = [40, 50, 60, 50, 50];
    const points = computeDrift(cyclesOf(one, [{ A: normal }, { A: [50, 50] }, { A: normal }, { A: normal }]), hand).get('A')!;
    expect(points[1]!.visible).toBe(false);
    expect(points[2]!.measures).toBeUndefined(); // only the second visible cycle
    expect(points[3]!.measures).toBeDefined();
    expect(points[3]!.baselineCycles).toBe(2); // cycles 0 and 2, never the hidden one
    expect(points[3]!.measures!.relatedness.baseline).toBeCloseTo(50, 10);
  });

  it('shrinks each baseline toward the organisation by the empirical Bayes weight', () => {
    // Ten teams of five, team i answering m_i − 10, −5, 0, +5, +10 around m_i = 40, 45, …, 85.
    const teams: TeamRef[] = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, parentId: null }));
    const cycle = Object.fromEntries(teams.map((t, i) => [t.id, [-10, -5, 0, 5, 10].map((d) => 40 + 5 * i + d)]));
    const drift = computeDrift(cyclesOf(teams, [cycle, cycle, cycle]), { ...hand, minOwnWeight: 0 });
    // Window: 2 cycles, N = 10, pooled variance 500/8 = 62.5, noise σ²/N = 6.25.
    // Organisation mean 62.5; spread of team means = 25 · 99/12 = 206.25 → τ² = 200.
    // w = 200 / 206.25 = 0.969697; team 0: μ0 = 0.969697 · 40 + 0.030303 · 62.5 = 40.6818.
    expect(drift.get('t0')![2]!.measures!.relatedness.baseline).toBeCloseTo(40.6818, 3);
    expect(drift.get('t5')![2]!.measures!.relatedness.baseline).toBeCloseTo(0.969697 * 65 + 0.030303 * 62.5, 3);
  });

  it('gives the fortress index from the smoothed changes', () => {
    const base = [40, 50, 60, 50, 50];
    const tree = buildTeamTree(one);
    const response = (rel: number, ope: number, aut: number): ResponseScore => {
      const r = flat(50);
      return { ...r, constructs: { ...r.constructs, relatedness: rel, openness: ope, autonomy: aut } };
    };
    const cycles = [base, base].map((values, t) =>
      aggregateCycle(`c${t}`, tree, new Map([['A', { invited: 5, responses: values.map((v) => response(v, v, v)) }]]), 5),
    );
    // Relatedness and openness 20 points down, autonomy unchanged.
    cycles.push(aggregateCycle('c2', tree, new Map([['A', { invited: 5, responses: base.map((v) => response(v - 20, v - 20, v)) }]]), 5));
    const point = computeDrift(cycles, hand).get('A')![2]!;
    // Smoothed change = λ · change = 0.5 · −20 = −10 for both, 0 for autonomy:
    // fall 10, held 10 → index 2·10 + 2·10 = 40.
    expect(point.fortressIndex).toBeCloseTo(40, 10);
  });
});
