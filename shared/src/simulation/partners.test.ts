import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partnerScore } from '../insights/partner.js';
import { generateScenario } from './generator.js';
import { simulatePartners } from './run.js';
import { parseScenario, type Scenario } from './scenario.js';

const defaults = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('partner ratings in scenarios', () => {
  const small: Scenario = { ...defaults, teams: 60, seed: 5 };

  it('leaves the pulse answers exactly as they are without partners', () => {
    const { partners: _partners, ...withoutPartners } = small;
    const a = [...generateScenario(small).cycles()].map((c) => c.teams);
    const b = [...generateScenario(withoutPartners).cycles()].map((c) => c.teams);
    expect(a).toEqual(b);
  });

  it('rates only providers on the map, at most three per respondent, with whole answers from 1 to 5', () => {
    const g = generateScenario(small);
    const links = new Set(g.partnerLinks!.map((l) => `${l.providerId}|${l.customerId}`));
    for (const cycle of g.cycles()) {
      const perTeam = new Map<string, number>();
      for (const r of cycle.partners!) {
        expect(links.has(`${r.providerId}|${r.raterTeamId}`)).toBe(true);
        for (const v of Object.values(r.answers)) expect(Number.isInteger(v) && v >= 1 && v <= 5).toBe(true);
        perTeam.set(r.raterTeamId, (perTeam.get(r.raterTeamId) ?? 0) + 1);
      }
      for (const [team, count] of perTeam) expect(count).toBeLessThanOrEqual(3 * cycle.teams.get(team)!.answers.length);
    }
  });

  it('lets the customers of a fortress team see it fall by about the drop', () => {
    const g = generateScenario({ ...small, teams: 200 });
    const cycles = [...g.cycles()];
    const fortress = g.teams.filter((t) => t.pattern === 'fortress');
    const scoreAt = (t: number) =>
      mean(
        cycles[t]!.partners!.filter((r) => fortress.some((f) => f.id === r.providerId && f.onset! <= 20)).map((r) =>
          partnerScore(r.answers, ['par_yes', 'par_direct']),
        ),
      );
    // Onsets lie in 12..20 with a 4-cycle ramp: by cycle 23 every drift is complete.
    const fall = scoreAt(10) - scoreAt(23);
    expect(fall).toBeGreaterThan(17);
    expect(fall).toBeLessThan(27);
  });

  it('detects fortress drifts at least as early with the partner signal, for at most one more false alarm in a hundred team-years', () => {
    const report = simulatePartners({ ...defaults, teams: 240, seed: 77 });
    const { without, with: withPartners } = report;
    expect(withPartners.all.rates.detectionWithin3!).toBeGreaterThanOrEqual(without.all.rates.detectionWithin3!);
    expect(withPartners.all.delays.byDelay[1]!).toBeGreaterThanOrEqual(without.all.delays.byDelay[1]!);
    expect(withPartners.all.rates.stableFlaggedPerYear! - without.all.rates.stableFlaggedPerYear!).toBeLessThanOrEqual(0.01);
    expect(withPartners.teams8plus.rates.stableFlaggedPerYear!).toBeLessThanOrEqual(0.05);
    expect(report.partnerVisibleShare).toBeGreaterThan(0.5);
  }, 120_000);
});
