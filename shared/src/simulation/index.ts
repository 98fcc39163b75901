/** The simulation harness: scenario format, seeded data generator, and the engine-vs-naive evaluation. */
export { parseScenario, zScenario, type Scenario, type PatternSpec, type PatternName } from './scenario.js';
export { generateScenario, type GeneratedScenario, type SimCycle, type SimTeam } from './generator.js';
export { simulate, runEngineOn, type SimulationReport } from './run.js';
export { rates, learningCycles, detectionWindow, type Rates } from './evaluate.js';
export { naiveFlags, naiveDropPoints } from './naive.js';
