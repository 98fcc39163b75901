/** The simulation harness: scenario format, seeded data generator, and the engine-vs-naive evaluation. */
export { parseScenario, zScenario, type Scenario, type PatternSpec, type PatternName, type PartnerSpec } from './scenario.js';
export { generateScenario, partnerShift, type GeneratedScenario, type SimCycle, type SimTeam } from './generator.js';
export {
  simulate,
  simulatePartners,
  detectionCurve,
  runEngineOn,
  partnerCells,
  type SimulationReport,
  type PartnerComparison,
  type PartnerGroup,
  type DelayProfile,
  type RunOptions,
  type CurvePoint,
} from './run.js';
export { partnerWorld, randomLinks, type PartnerLink, type PartnerTeam, type PartnerWorld, type SimRating } from './partners.js';
export { rates, stepSettleCycles, detectionWindow, type Rates } from './evaluate.js';
export { naiveFlags, naiveDropPoints } from './naive.js';
