import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from './run.js';
import { parseScenario } from './scenario.js';

const defaults = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')));

describe('simulation against the naive rule', () => {
  // A quarter of the default scenario (teams of 8 or more only), to stay fast.
  const scenario = { ...defaults, teams: 240, teamSize: { min: 8, max: 15 }, seed: 77 };
  const report = simulate(scenario);

  it('prints the shape docs/insights.md (Simulation) documents', () => {
    expect(Object.keys(report)).toEqual(['scenario', 'engine', 'naive']);
    expect(Object.keys(report.engine.teams8plus).sort()).toEqual(['detectionWithin3', 'drifting', 'medianDelay', 'stable', 'stableFlaggedPerYear']);
    expect(report.engine.all.drifting).toBe(24);
  });

  it('catches fortress drifts early while rarely flagging stable teams; the naive rule flags nearly everyone', () => {
    expect(report.engine.teams8plus.detectionWithin3).toBeGreaterThanOrEqual(0.9);
    expect(report.engine.teams8plus.stableFlaggedPerYear).toBeLessThanOrEqual(0.05);
    expect(report.naive.teams8plus.stableFlaggedPerYear).toBeGreaterThan(0.5);
  });

  it('gives the same figures on every run', () => {
    expect(simulate(scenario)).toEqual(report);
  });
});
