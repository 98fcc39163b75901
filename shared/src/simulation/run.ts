/** Runs a scenario through the real engine and the naive rule, and scores both. */
import { atLeast } from '../insights/alerts.js';
import { runInsights, type CycleInput, type InsightsInput, type InsightsResult } from '../insights/engine.js';
import { scoreResponse } from '../insights/scores.js';
import { rates, type Rates } from './evaluate.js';
import { generateScenario, type GeneratedScenario } from './generator.js';
import { naiveFlags } from './naive.js';
import type { Scenario } from './scenario.js';

export interface SimulationReport {
  scenario: string;
  engine: { all: Rates; teams8plus: Rates };
  naive: { all: Rates; teams8plus: Rates };
}

/** Scores every generated answer and feeds the cycles to the engine. */
export function runEngineOn(
  generated: GeneratedScenario,
  threshold: number,
  options: Pick<InsightsInput, 'drift' | 'rules'> = {},
): InsightsResult {
  const cycles: CycleInput[] = [];
  for (const c of generated.cycles()) {
    const byTeam = new Map(
      [...c.teams].map(([id, t]) => [id, { invited: t.invited, responses: t.answers.map((a) => scoreResponse(generated.questionnaire, a)) }]),
    );
    cycles.push({ cycleId: c.cycleId, byTeam });
  }
  return runInsights({ teams: generated.hierarchy, cycles, threshold, ...options });
}

/** The simulation's figures for one scenario. */
export function simulate(scenario: Scenario, options: Pick<InsightsInput, 'drift' | 'rules'> = {}): SimulationReport {
  const generated = generateScenario(scenario);
  const result = runEngineOn(generated, scenario.threshold, options);
  const engineFlags = new Map<string, number[]>();
  for (const a of result.alerts) {
    if (!atLeast(a.level, 'warning')) continue;
    // Detection counts fortress alerts only; false alarms count every kind (filtered in rates).
    let list = engineFlags.get(a.teamId);
    if (!list) engineFlags.set(a.teamId, (list = []));
    list.push(a.cycleIndex);
  }
  const fortressFlags = new Map<string, number[]>();
  for (const a of result.alerts) {
    if (a.kind !== 'fortress' || !atLeast(a.level, 'warning')) continue;
    let list = fortressFlags.get(a.teamId);
    if (!list) fortressFlags.set(a.teamId, (list = []));
    list.push(a.cycleIndex);
  }
  const naive = naiveFlags(
    result.aggregates,
    generated.teams.map((t) => t.id),
  );
  const big = generated.teams.filter((t) => t.size >= 8);
  const engineRates = (teams: typeof generated.teams): Rates => {
    const detection = rates(teams, fortressFlags, scenario.cycles);
    const alarms = rates(teams, engineFlags, scenario.cycles);
    return { ...detection, stableFlaggedPerYear: alarms.stableFlaggedPerYear };
  };
  return {
    scenario: scenario.name,
    engine: { all: engineRates(generated.teams), teams8plus: engineRates(big) },
    naive: { all: rates(generated.teams, naive, scenario.cycles), teams8plus: rates(big, naive, scenario.cycles) },
  };
}
