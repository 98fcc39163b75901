/** The pure insight engine: scores, statistics, anonymity, drift, alerts. No I/O. */
export { scoreResponse, needs, type Need, type FacetScores, type ResponseScore } from './scores.js';
export {
  summarize,
  summarizeMoments,
  momentsOf,
  mergeMoments,
  emptyMoments,
  studentTQuantile,
  studentTCdf,
  incompleteBeta,
  lnGamma,
  type Moments,
  type Summary,
} from './stats.js';
export { buildTeamTree, rollUp, subtreeResponses, subtreeIds, ORGANISATION_ID, type TeamRef, type TeamTree } from './tree.js';
export {
  suppressCells,
  cellVisibility,
  visibleComments,
  regionCounts,
  validateThreshold,
  suppressionMessage,
  defaultThreshold,
  minThreshold,
  maxThreshold,
  type Suppression,
  type SuppressionReason,
  type CellVisibility,
} from './anonymity.js';
export {
  aggregateCycle,
  directMoments,
  MOMENTS_LENGTH,
  cellScores,
  scoreOfMoments,
  visibleMoments,
  measures,
  type Measure,
  type CycleAggregate,
  type CellScores,
  type ScoreSummary,
  type TeamCycleInput,
} from './aggregate.js';
export { fortressIndex, type FortressChanges } from './fortress.js';
export { ewmaStep, ewmaSigma, standardizedMean, type EwmaParams, type EwmaPoint } from './ewma.js';
export { baselineWindow, type WindowRule } from './baseline.js';
export { newTrack, trackStep, type Track, type Reading, type TrackStep } from './exact-ewma.js';
export {
  computeDrift,
  defaultDriftParams,
  chartedMeasures,
  type ChartedMeasure,
  type DriftParams,
  type DriftPoint,
  type MeasureDrift,
  type OutsideDrift,
  type PartnerDrift,
  type ParticipationPoint,
} from './drift.js';
export {
  alertsForTeam,
  atLeast,
  defaultAlertRules,
  remedies,
  remedyAnchor,
  remedyAnchors,
  fortressActions,
  alertKinds,
  alertLevels,
  type Alert,
  type AlertKind,
  type AlertLevel,
  type AlertRules,
  type AlertSignal,
  type CustomerMix,
} from './alerts.js';
export {
  aggregatePartners,
  partnerScore,
  partnerSummary,
  partnerSuppressionMessage,
  suppressRatingCells,
  ratingRegionsSafe,
  MIN_RATER_TEAMS,
  MAX_PARTNERS_PER_PULSE,
  partnersToAsk,
  type PartnerAggregate,
  type PartnerCell,
  type PartnerCellInput,
  type PartnerProvider,
  type PartnerSummary,
  type PartnerSuppressionReason,
  type RatingSuppression,
} from './partner.js';
export {
  enpsCounts,
  enpsScore,
  itemScore,
  rollUpItems,
  cellItems,
  type EnpsCounts,
  type EnpsScore,
  type ItemScore,
  type TeamItems,
  type ItemsInput,
  type ItemMeta,
} from './instrument.js';
export { aggregateAlignment, visibleAlignment, ALIGNMENT_ITEM_ID, type AlignmentAggregate } from './alignment.js';
export {
  publishedKey,
  thresholdFor,
  mayShow,
  restrictSuppression,
  restrictPartners,
  unpublished,
  type Publication,
  type PublishedFigure,
} from './ledger.js';
export { runInsights, type InsightsInput, type InsightsResult, type CycleInput, type TrendPoint } from './engine.js';
export { createRandom, deriveSeed, type Random } from './random.js';
export {
  actionEffect,
  withoutMoments,
  EFFECT_WINDOW,
  EFFECT_MIN_AFTER,
  type ActionEffect,
  type EffectCell,
  type EffectCycle,
  type EffectInput,
  type EffectVerdict,
  type PeriodChange,
} from './action-effect.js';
