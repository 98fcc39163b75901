/**
 * A team's life as a leader sees it: a young team's early drift, pressure in the first months,
 * a lasting change of level, a team that joins mid-way. Noisy answers (seeded), twelve steady
 * teams beside it so the organisation's prior exists, the default settings and rules.
 */
import { describe, expect, it } from 'vitest';
import { atLeast, type Alert } from './alerts.js';
import { runInsights, type CycleInput } from './engine.js';
import { createRandom, type Random } from './random.js';
import type { ResponseScore } from './scores.js';
import type { TeamRef } from './tree.js';

interface Levels {
  need: number;
  retreat: number;
  frustration: number;
}
const base: Levels = { need: 70, retreat: 70, frustration: 30 };

function response(l: Levels, r: Random): ResponseScore {
  const x = (level: number) => Math.min(100, Math.max(0, level + 12 * r.normal()));
  const rel = x(l.retreat);
  return {
    constructs: { autonomy: x(l.need), competence: x(l.need), relatedness: rel, openness: x(l.retreat) },
    facets: {
      autonomy: { satisfaction: x(l.need), frustration: x(l.frustration) },
      competence: { satisfaction: x(l.need), frustration: x(l.frustration) },
      relatedness: { satisfaction: rel, frustration: x(100 - l.retreat) },
    },
  };
}

const steady: TeamRef[] = Array.from({ length: 12 }, (_, i) => ({ id: `steady-${i}`, parentId: null }));

/** `cycles` months; the watched team (9 of 10 answer) exists from `joins` with levels(t) (t counted from its join). */
function org(cycles: number, levels: (t: number) => Levels, joins = 0): { teams: TeamRef[]; cycles: CycleInput[] } {
  const r = createRandom(14);
  const all = [...steady, { id: 'watched', parentId: null }];
  const input = Array.from({ length: cycles }, (_, t): CycleInput => {
    const byTeam = new Map(
      steady.map((team, i) => [
        team.id,
        { invited: 10, responses: Array.from({ length: 9 }, () => response({ ...base, need: 60 + i }, r)) },
      ]),
    );
    if (t >= joins) byTeam.set('watched', { invited: 10, responses: Array.from({ length: 9 }, () => response(levels(t - joins), r)) });
    return { cycleId: `m${t + 1}`, teams: t >= joins ? all : steady, byTeam };
  });
  return { teams: all, cycles: input };
}

const loud = (alerts: Alert[], kind?: Alert['kind']) =>
  alerts.filter((a) => a.teamId === 'watched' && atLeast(a.level, 'warning') && (!kind || a.kind === kind)).map((a) => a.cycleIndex);
const ramp = (t: number, onset: number, cycles: number, size: number) => size * Math.min(1, Math.max(0, (t - onset + 1) / cycles));

describe('early warnings across a team’s life', () => {
  it('flags a young team’s fortress drift in its first months, never before it starts', () => {
    // Relatedness and openness lose 25 points over four months from the team's fourth month.
    const { teams, cycles } = org(10, (t) => ({ ...base, retreat: 70 - ramp(t, 3, 4, 25) }));
    const result = runInsights({ teams, cycles });
    const points = result.drift.get('watched')!;
    expect(points[1]!.measures).toBeUndefined();
    expect(points[2]!.measures).toBeDefined(); // charted from its third month
    const flagged = loud(result.alerts, 'fortress');
    expect(flagged.length).toBeGreaterThan(0);
    expect(Math.min(...flagged)).toBeGreaterThanOrEqual(3);
    expect(Math.min(...flagged)).toBeLessThanOrEqual(3 + 3);
  });

  it('raises a pressure warning in the same early months', () => {
    // Autonomy and competence frustration rise 20 points over three months from month 4.
    const { teams, cycles } = org(10, (t) => ({ ...base, frustration: 30 + ramp(t, 3, 3, 20) }));
    const result = runInsights({ teams, cycles });
    const flagged = loud(result.alerts, 'pressure');
    expect(flagged.length).toBeGreaterThan(0);
    expect(Math.min(...flagged)).toBeGreaterThanOrEqual(3);
    expect(Math.min(...flagged)).toBeLessThanOrEqual(3 + 3);
    expect(loud(result.alerts).filter((t) => t < 3)).toEqual([]);
  });

  it('keeps up with a lasting change: a step that then holds stops alerting within a few cycles', () => {
    // A new leader in month 9: every need and the retreat pair 20 points lower, frustration 20
    // higher, and so it stays for a year.
    const { teams, cycles } = org(22, (t) => (t < 8 ? base : { need: 50, retreat: 50, frustration: 50 }));
    const result = runInsights({ teams, cycles });
    const flagged = loud(result.alerts);
    expect(flagged.length).toBeGreaterThan(0); // the step itself is news
    expect(Math.min(...flagged)).toBeGreaterThanOrEqual(8);
    // …for a few cycles: nothing at warning or above from six cycles after the step.
    expect(flagged.filter((t) => t >= 8 + 6)).toEqual([]);
    const restarted = result.drift
      .get('watched')!
      .filter((p) => p.baselineRestarted)
      .map((p) => p.cycleIndex);
    expect(restarted.length).toBe(1);
    // The baseline now stands at the new level.
    expect(result.drift.get('watched')![21]!.measures!.relatedness.baseline).toBeLessThan(58);
  });

  it('watches a team that joins mid-way from its own third month', () => {
    const { teams, cycles } = org(20, (t) => ({ ...base, retreat: 70 - ramp(t, 4, 4, 25) }), 10);
    const result = runInsights({ teams, cycles });
    const points = result.drift.get('watched')!;
    expect(points[0]!.cycleIndex).toBe(10);
    expect(points[2]!.measures).toBeDefined();
    const flagged = loud(result.alerts, 'fortress');
    expect(Math.min(...flagged)).toBeGreaterThanOrEqual(14);
    expect(Math.min(...flagged)).toBeLessThanOrEqual(14 + 3);
  });
});
