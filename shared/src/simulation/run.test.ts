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
    expect(Object.keys(report)).toEqual(['scenario', 'engine', 'pressure', 'naive']);
    expect(Object.keys(report.engine)).toEqual(['all', 'teams8plus', 'teams5to7']);
    expect(Object.keys(report.engine.teams8plus).sort()).toEqual([
      'detectionWithin3',
      'drifting',
      'medianDelay',
      'stable',
      'stableFlaggedFirstYear',
      'stableFlaggedPerYear',
    ]);
    expect(report.engine.all.drifting).toBe(24);
  });

  it('catches fortress drifts early while rarely flagging stable teams; the naive rule flags nearly everyone', () => {
    expect(report.engine.teams8plus.detectionWithin3).toBeGreaterThanOrEqual(0.9);
    expect(report.engine.teams8plus.stableFlaggedPerYear).toBeLessThanOrEqual(0.05);
    expect(report.naive.teams8plus.stableFlaggedPerYear).toBeGreaterThan(0.5);
  });

  it('gives the same figures on every run', () => {
    expect(simulate(scenario)).toEqual(report);
  }, 120_000);
});

describe('the suite against the targets, at a quarter of its size', () => {
  const load = (name: string) => parseScenario(JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')));
  it.each(['early', 'joining', 'step'])(
    '%s: drifts caught within 3 cycles, median delay ≤ 2, few stable teams flagged (teams of 8+)',
    (name) => {
      const r = simulate({ ...load(name), teams: 250, teamSize: { min: 8, max: 15 } }).engine.teams8plus;
      expect(r.detectionWithin3).toBeGreaterThanOrEqual(0.9);
      expect(r.medianDelay).toBeLessThanOrEqual(2);
      expect(r.stableFlaggedPerYear).toBeLessThanOrEqual(0.05);
    },
    120_000,
  );
});
