/**
 * Drift per team and measure: a standardized EWMA chart of each visible cycle's team mean
 * against the team's own rolling baseline. Only visible cells are read (visibleMoments):
 * a suppressed cycle is a gap, the chart neither sees nor carries figures from it.
 *
 * Baseline at cycle t: the `baselineCycles` most recent VISIBLE cycles of the team that lie at
 * least `baselineGap` cycles before t. The gap keeps a drift that has just begun out of its own
 * baseline until the chart has had time to see it; the rolling window lets a team's "normal"
 * follow slow, lasting change (a level held for a year becomes the new baseline).
 * μ0 shrinks toward the organisation's mean over the same cycles (empirical Bayes): the team's
 * own baseline mean gets weight w = τ² / (τ² + σ²/N), N = respondents in the window, σ² the
 * team's within-cycle variance, τ² the between-team variance estimated each cycle from all
 * charted teams (method of moments). A small team's noisy baseline is pulled toward the
 * organisation; a large team keeps its own. w never drops below minOwnWeight. σ is the pooled
 * within-cycle SD of the window, never below `sigmaFloor` points, so a team that answered
 * identically for months cannot turn a one-point wobble into a "50σ" signal.
 */
import { visibleMoments, type CycleAggregate, type Measure } from './aggregate.js';
import { ewmaStep, standardizedMean, type EwmaParams } from './ewma.js';
import { fortressIndex } from './fortress.js';

export const chartedMeasures = [
  'autonomy',
  'competence',
  'relatedness',
  'openness',
  'autonomy_frustration',
  'competence_frustration',
  'retreat',
  'pressure',
] as const satisfies readonly Measure[];
export type ChartedMeasure = (typeof chartedMeasures)[number];
const C = chartedMeasures.length;

export interface DriftParams extends EwmaParams {
  baselineCycles: number;
  baselineGap: number;
  /** The team's own baseline keeps at least this weight, however noisy it is. */
  minOwnWeight: number;
  /** Fewer charted teams than this and τ² is not estimated: no shrinkage. */
  minTeamsForShrinkage: number;
  sigmaFloor: number;
}

/** The chosen chart settings; docs/insights.md explains the choice with the simulation. */
export const defaultDriftParams: DriftParams = {
  lambda: 0.3,
  L: 3.2,
  baselineCycles: 6,
  baselineGap: 6,
  minOwnWeight: 0.5,
  minTeamsForShrinkage: 10,
  sigmaFloor: 5,
};

export interface MeasureDrift {
  mean: number;
  n: number;
  /** μ0 after shrinkage. */
  baseline: number;
  sigma: number;
  /** mean − μ0, points. */
  change: number;
  /** EWMA (same λ) of mean − μ0 in points: the level the chart currently believes in. */
  smoothedChange: number;
  ewma: number;
  /** EWMA in its own standard deviations. */
  score: number;
  signal: -1 | 0 | 1;
}

export interface ParticipationPoint {
  rate: number | null;
  baselineRate: number | null;
  /** Binomial z of this cycle's rate against the baseline rate. */
  z: number | null;
}

export interface DriftPoint {
  teamId: string;
  cycleIndex: number;
  cycleId: string;
  visible: boolean;
  invited: number;
  responded: number;
  /** Present when visible and the baseline is ready. */
  measures?: Record<ChartedMeasure, MeasureDrift>;
  fortressIndex?: number;
  participation: ParticipationPoint;
}

interface VisibleRecord {
  t: number;
  n: number;
  means: Float64Array;
  m2: Float64Array;
}

interface TeamState {
  visible: VisibleRecord[];
  counts: { t: number; invited: number; responded: number }[];
  started: boolean;
  ewma: Float64Array;
  smoothed: Float64Array;
  points: DriftPoint[];
}

function newState(): TeamState {
  return { visible: [], counts: [], started: false, ewma: new Float64Array(C), smoothed: new Float64Array(C), points: [] };
}

/** Drift series for every team (not the organisation root), one point per cycle it exists in. */
export function computeDrift(cycles: readonly CycleAggregate[], params: DriftParams = defaultDriftParams): Map<string, DriftPoint[]> {
  const states = new Map<string, TeamState>();
  // The organisation's visible mean per cycle and measure: the shrinkage target.
  const orgMeans: (Float64Array | null)[] = [];
  const orgN: number[] = [];

  cycles.forEach((agg, t) => {
    const org = visibleMoments(agg, 0, 'autonomy');
    orgN.push(org ? org.n : 0);
    orgMeans.push(org ? readRecord(agg, 0, t).means : null);

    const pending: { state: TeamState; record: VisibleRecord; raw: RawBaseline; point: DriftPoint }[] = [];
    const tree = agg.tree;
    for (let node = 1; node < tree.ids.length; node++) {
      const teamId = tree.ids[node]!;
      let state = states.get(teamId);
      if (!state) states.set(teamId, (state = newState()));
      const invited = agg.invited[node]!;
      const responded = agg.suppression.n[node]!;
      const participation = participationPoint(state, t, invited, responded, params);
      state.counts.push({ t, invited, responded });
      const point: DriftPoint = {
        teamId,
        cycleIndex: t,
        cycleId: agg.cycleId,
        visible: agg.suppression.visible[node]!,
        invited,
        responded,
        participation,
      };
      state.points.push(point);
      if (!point.visible) continue; // a gap: nothing is read, the chart does not move

      const record = readRecord(agg, node, t);
      const raw = rawBaseline(state.visible, t, params, orgMeans, orgN);
      state.visible.push(record);
      if (raw) pending.push({ state, record, raw, point });
    }

    const tau2 = betweenTeamVariance(pending.map((p) => p.raw), params);
    for (const { state, record, raw, point } of pending) chartStep(state, record, raw, tau2, point, params);
  });
  return new Map([...states].map(([id, s]) => [id, s.points]));
}

function chartStep(state: TeamState, record: VisibleRecord, raw: RawBaseline, tau2: Float64Array, point: DriftPoint, params: DriftParams): void {
  if (!state.started) {
    state.started = true; // zero state: E_0 = 0 at the first monitored cycle
    state.ewma.fill(0);
    state.smoothed.fill(0);
  }
  const measures = {} as Record<ChartedMeasure, MeasureDrift>;
  for (let c = 0; c < C; c++) {
    const sigma = Math.sqrt(raw.variance[c]!);
    const noise = raw.variance[c]! / raw.n;
    // Empirical Bayes: weight on the team's own mean = τ² / (τ² + σ²/N), never below minOwnWeight.
    const w = Math.max(params.minOwnWeight, tau2[c] === Infinity ? 1 : tau2[c]! / (tau2[c]! + noise));
    const mu0 = w * raw.own[c]! + (1 - w) * raw.target[c]!;
    const mean = record.means[c]!;
    const step = ewmaStep(state.ewma[c]!, standardizedMean(mean, mu0, sigma, record.n), params);
    state.ewma[c] = step.ewma;
    const change = mean - mu0;
    state.smoothed[c] = params.lambda * change + (1 - params.lambda) * state.smoothed[c]!;
    measures[chartedMeasures[c]!] = {
      mean,
      n: record.n,
      baseline: mu0,
      sigma,
      change,
      smoothedChange: state.smoothed[c]!,
      ewma: step.ewma,
      score: step.score,
      signal: step.signal,
    };
  }
  point.measures = measures;
  point.fortressIndex = fortressIndex({
    relatedness: measures.relatedness.smoothedChange,
    openness: measures.openness.smoothedChange,
    autonomy: measures.autonomy.smoothedChange,
  });
}

function readRecord(agg: CycleAggregate, node: number, t: number): VisibleRecord {
  const means = new Float64Array(C);
  const m2 = new Float64Array(C);
  let n = 0;
  chartedMeasures.forEach((m, c) => {
    const mo = visibleMoments(agg, node, m)!;
    n = mo.n;
    means[c] = mo.mean;
    m2[c] = mo.m2;
  });
  return { t, n, means, m2 };
}

/** A team's own baseline before shrinkage, and the organisation's mean over the same cycles. */
interface RawBaseline {
  n: number;
  own: Float64Array;
  /** Pooled within-cycle variance, floored at sigmaFloor². */
  variance: Float64Array;
  target: Float64Array;
}

function rawBaseline(
  history: readonly VisibleRecord[],
  t: number,
  p: DriftParams,
  orgMeans: readonly (Float64Array | null)[],
  orgN: readonly number[],
): RawBaseline | null {
  const window: VisibleRecord[] = [];
  for (let i = history.length - 1; i >= 0 && window.length < p.baselineCycles; i--) {
    if (history[i]!.t <= t - p.baselineGap) window.push(history[i]!);
  }
  if (window.length < p.baselineCycles) return null;
  const own = new Float64Array(C);
  const variance = new Float64Array(C);
  const target = new Float64Array(C);
  let total = 0;
  let dof = 0;
  let orgTotal = 0;
  for (const r of window) {
    total += r.n;
    dof += r.n - 1;
    orgTotal += orgMeans[r.t] ? orgN[r.t]! : 0;
  }
  for (let c = 0; c < C; c++) {
    let sum = 0;
    let m2 = 0;
    let orgSum = 0;
    for (const r of window) {
      sum += r.n * r.means[c]!;
      m2 += r.m2[c]!;
      const org = orgMeans[r.t];
      if (org) orgSum += orgN[r.t]! * org[c]!;
    }
    own[c] = sum / total;
    target[c] = orgTotal > 0 ? orgSum / orgTotal : own[c]!;
    variance[c] = Math.max(p.sigmaFloor ** 2, dof > 0 ? m2 / dof : 0);
  }
  return { n: total, own, variance, target };
}

/**
 * Method-of-moments estimate of the between-team variance τ² per measure, from the teams
 * charted this cycle: the spread of their own baselines around the organisation's, minus
 * the part sampling noise explains. Infinity (no shrinkage) when too few teams to tell.
 */
function betweenTeamVariance(raws: readonly RawBaseline[], p: DriftParams): Float64Array {
  const out = new Float64Array(C).fill(Infinity);
  if (raws.length < p.minTeamsForShrinkage) return out;
  for (let c = 0; c < C; c++) {
    let spread = 0;
    let noise = 0;
    for (const r of raws) {
      spread += (r.own[c]! - r.target[c]!) ** 2;
      noise += r.variance[c]! / r.n;
    }
    out[c] = Math.max(0, (spread - noise) / raws.length);
  }
  return out;
}

function participationPoint(state: TeamState, t: number, invited: number, responded: number, p: DriftParams): ParticipationPoint {
  const rate = invited > 0 ? responded / invited : null;
  let inv = 0;
  let resp = 0;
  let used = 0;
  for (let i = state.counts.length - 1; i >= 0 && used < p.baselineCycles; i--) {
    const c = state.counts[i]!;
    if (c.t > t - p.baselineGap || c.invited === 0) continue;
    inv += c.invited;
    resp += c.responded;
    used++;
  }
  if (used < p.baselineCycles || rate === null) return { rate, baselineRate: null, z: null };
  const baselineRate = resp / inv;
  // Keep the variance away from 0 when the baseline was all-or-nothing.
  const q = Math.min(0.95, Math.max(0.05, baselineRate));
  return { rate, baselineRate, z: (rate - baselineRate) / Math.sqrt((q * (1 - q)) / invited) };
}

