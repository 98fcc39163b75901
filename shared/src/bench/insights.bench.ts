/**
 * npm run bench:insights: every aggregate and alert for 5,000 teams × 36 cycles.
 * Generates the answers in memory first (not timed), then times scoring, roll-ups,
 * suppression, summaries, charts and alerts together; prints the median of three runs.
 * Budget: 30 s on a 2-core machine.
 */
import { runInsights, type CycleInput } from '../insights/engine.js';
import { scoreResponse } from '../insights/scores.js';
import { generateScenario } from '../simulation/generator.js';
import { parseScenario } from '../simulation/scenario.js';

const scenario = parseScenario({
  name: 'bench',
  seed: 5000,
  cycles: 36,
  teams: 5000,
  teamSize: { min: 5, max: 15 },
  responseRate: { min: 0.6, max: 0.9 },
  teamsPerDepartment: 10,
  patterns: [
    { pattern: 'stable', share: 0.8 },
    { pattern: 'stable-noisy', share: 0.05 },
    { pattern: 'fortress', share: 0.1, onset: { min: 12, max: 30 } },
    { pattern: 'pressure-only', share: 0.05, onset: { min: 12, max: 30 } },
  ],
});

const generateStart = performance.now();
const generated = generateScenario(scenario);
const raw = [...generated.cycles()];
const responses = raw.reduce((sum, c) => sum + [...c.teams.values()].reduce((s, t) => s + t.answers.length, 0), 0);
console.log(
  `generated ${scenario.teams} teams (+${generated.hierarchy.length - scenario.teams} departments) × ${scenario.cycles} cycles, ` +
    `${responses.toLocaleString('en')} responses in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`,
);

function once(): { ms: number; alerts: number } {
  const start = performance.now();
  const cycles: CycleInput[] = raw.map((c) => ({
    cycleId: c.cycleId,
    byTeam: new Map(
      [...c.teams].map(([id, t]) => [
        id,
        { invited: t.invited, responses: t.answers.map((a) => scoreResponse(generated.questionnaire, a)) },
      ]),
    ),
  }));
  const result = runInsights({ teams: generated.hierarchy, cycles });
  return { ms: performance.now() - start, alerts: result.alerts.length };
}

const runs = [once(), once(), once()];
const times = runs.map((r) => r.ms).sort((a, b) => a - b);
console.log(`runs: ${runs.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(', ')}; ${runs[0]!.alerts.toLocaleString('en')} alerts`);
console.log(`median: ${(times[1]! / 1000).toFixed(2)} s (budget 30 s)`);
