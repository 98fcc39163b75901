/** Hand-made chart readings for alert tests. */
import { defaultAlertRules } from '../alerts.js';
import { chartedMeasures, type ChartedMeasure, type MeasureDrift } from '../drift.js';

const L = defaultAlertRules.L;

/** A chart reading: `change` points from a baseline of `base` (70), EWMA `score` σ_E, n = 8. */
export const reading = (change: number, score: number, smoothed = change, base = 70): MeasureDrift => ({
  mean: base + change,
  n: 8,
  baseline: base,
  sigma: 15,
  change,
  smoothedChange: smoothed,
  ewma: score * 0.42,
  score,
  signal: score > L ? 1 : score < -L ? -1 : 0,
});

/** Every charted measure at its baseline. */
export const calm = () => Object.fromEntries(chartedMeasures.map((m) => [m, reading(0, 0)])) as Record<ChartedMeasure, MeasureDrift>;
