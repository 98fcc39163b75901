import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../insights/scores.js';
import { generateScenario } from './generator.js';
import { parseScenario, type Scenario } from './scenario.js';

const base = (over: Partial<Scenario> = {}): Scenario =>
  parseScenario({
    name: 'test',
    seed: 11,
    cycles: 12,
    teams: 40,
    teamSize: { min: 5, max: 15 },
    responseRate: { min: 0.6, max: 0.9 },
    teamsPerDepartment: 8,
    patterns: [
      { pattern: 'stable', share: 0.9 },
      { pattern: 'fortress', share: 0.1, onset: { min: 4, max: 4 } },
    ],
    ...over,
  });

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('scenario generator', () => {
  it('is deterministic for a seed and gives integer answers on the scale', () => {
    const a = [...generateScenario(base()).cycles()];
    const b = [...generateScenario(base()).cycles()];
    expect(a).toEqual(b);
    const c = [...generateScenario(base({ seed: 12 })).cycles()];
    expect(c).not.toEqual(a);
    for (const cycle of a) {
      for (const team of cycle.teams.values()) {
        expect(team.answers.length).toBeLessThanOrEqual(team.invited);
        for (const answers of team.answers) {
          for (const v of Object.values(answers)) expect(Number.isInteger(v) && v >= 1 && v <= 5).toBe(true);
        }
      }
    }
  });

  it('builds the hierarchy and the exact share of each pattern', () => {
    const g = generateScenario(base());
    expect(g.teams.filter((t) => t.pattern === 'fortress')).toHaveLength(4);
    expect(g.hierarchy.filter((t) => t.parentId === null)).toHaveLength(5); // 40 teams / 8 per department
    for (const t of g.teams) {
      expect(t.size).toBeGreaterThanOrEqual(5);
      expect(t.size).toBeLessThanOrEqual(15);
    }
  });

  it('makes a fortress team lose about one scale point (25 points) of relatedness and openness', () => {
    // One big drifting team, so sampling noise is small next to the drift.
    const g = generateScenario(
      base({
        teams: 1,
        teamSize: { min: 400, max: 400 },
        teamsPerDepartment: 0,
        patterns: [
          { pattern: 'fortress', share: 1, onset: { min: 4, max: 4 }, drop: 1, rampCycles: 4, pressureLead: 0, pressureRise: 0.5 },
        ],
      }),
    );
    const cycles = [...g.cycles()];
    const scores = (t: number) => cycles[t]!.teams.get(g.teams[0]!.id)!.answers.map((a) => scoreResponse(g.questionnaire, a));
    const before = scores(3);
    const after = scores(8);
    const drop = (pick: (s: ReturnType<typeof scoreResponse>) => number) => mean(before.map(pick)) - mean(after.map(pick));
    // Rounding and the ends of the 1–5 scale absorb a little of the latent point.
    expect(drop((s) => s.constructs.relatedness)).toBeGreaterThan(18);
    expect(drop((s) => s.constructs.relatedness)).toBeLessThan(27);
    expect(drop((s) => s.constructs.openness)).toBeGreaterThan(18);
    expect(Math.abs(drop((s) => s.constructs.autonomy))).toBeLessThan(3);
    // Halfway through the ramp (cycle 5 = second of four steps) about half the fall.
    expect(mean(before.map((s) => s.constructs.relatedness)) - mean(scores(5).map((s) => s.constructs.relatedness))).toBeGreaterThan(8);
  });

  it('rejects a scenario whose shares do not add up to 1, saying where', () => {
    expect(() => base({ patterns: [{ pattern: 'stable', share: 0.5 }] })).toThrow(/patterns: pattern shares must add up to 1/);
  });
});
