/** The instrument's own statistics: reliability of the scales and what goes with eNPS. No I/O. */
export {
  cronbachAlpha,
  feldtInterval,
  itemTotalCorrelations,
  oneFactorLoadings,
  omegaTotal,
  scaleReliability,
  scaleReliabilitySteps,
  type ScaleReliability,
} from './reliability.js';
export {
  relativeWeights,
  relativeWeightsOf,
  relativeWeightsWithIntervals,
  relativeWeightsSteps,
  type RelativeWeights,
  type WeightsWithIntervals,
} from './relative-weights.js';
export { bootstrapIntervals, bootstrapSteps, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, type BootstrapOptions } from './bootstrap.js';
export { fCdf, fQuantile } from './f-distribution.js';
export { covarianceMatrix, correlationMatrix } from './matrix.js';
export {
  constructItems,
  constructRows,
  reliabilityByConstruct,
  constructReliability,
  constructReliabilitySteps,
  enpsDriversSteps,
  enpsDrivers,
  ENPS_ITEM_ID,
  type StoredAnswers,
  type ConstructReliability,
  type Drivers,
} from './scales.js';
export { drain, type Steps } from './steps.js';
