/**
 * Drift per team and measure: an EWMA chart of each visible cycle's team mean against the
 * team's own baseline, with limits that include the baseline's own error (exact-ewma.ts), so a
 * team is charted from its third visible cycle on. Only visible cells are read (visibleMoments):
 * a suppressed cycle is a gap, the chart neither sees nor carries figures from it.
 *
 * Baseline at a reading (baseline.ts, baselineWindow): up to `baselineCycles` of the team's
 * visible cycles, leaving out the newest min(baselineGap, h − settled) of its h earlier ones.
 * At the start `settled` = minBaselineCycles: the third visible cycle is read against the first
 * two, and the gap grows with the history, so a drift that has just begun stays out of its own
 * baseline while the chart catches it. μ0 shrinks toward the organisation's average team
 * (empirical Bayes): the team's own window mean gets weight w = τ² / (τ² + σ²/N), never below
 * minOwnWeight; the chart's limits carry the remaining error of μ0, which is large for a young
 * team and small for an old one. σ is the pooled within-cycle SD of the window, never below
 * `sigmaFloor` points.
 *
 * A baseline that keeps up: when a measure's chart has stayed beyond its limit on the same side
 * for `restartCycles` readings in a row, the change has lasted: the team's baseline restarts
 * from those readings (a new era, settled = restartCycles) and the charts restart at zero.
 */
import { visibleMoments, type CycleAggregate, type Measure } from './aggregate.js';
import {
  baselineWindow,
  organisationPrior,
  ownWeight,
  rawBaseline,
  type Prior,
  type RawBaseline,
  type VisibleRecord,
  type WindowRule,
} from './baseline.js';
import { ewmaStep, type EwmaParams } from './ewma.js';
import { newTrack, trackStep, type Track } from './exact-ewma.js';
import { fortressIndex } from './fortress.js';
import type { PartnerAggregate } from './partner.js';

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

export interface DriftParams extends EwmaParams, WindowRule {
  /** The team's own baseline keeps at least this weight, however noisy it is. */
  minOwnWeight: number;
  /** Fewer charted teams than this and τ² is not estimated: no shrinkage. */
  minTeamsForShrinkage: number;
  sigmaFloor: number;
  /** Readings in a row beyond the limit, on one side, after which the baseline restarts from them. */
  restartCycles: number;
}

/** The chosen chart settings; docs/insights.md explains the choice with the simulation. */
export const defaultDriftParams: DriftParams = {
  lambda: 0.4,
  L: 3.1,
  baselineCycles: 6,
  baselineGap: 3,
  minBaselineCycles: 2,
  minOwnWeight: 0.5,
  minTeamsForShrinkage: 10,
  sigmaFloor: 5,
  restartCycles: 4,
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
  /** The EWMA statistic, in points (= smoothedChange). */
  ewma: number;
  /** EWMA in its own standard deviation, which includes the baseline's error. */
  score: number;
  signal: -1 | 0 | 1;
}

export interface ParticipationPoint {
  rate: number | null;
  baselineRate: number | null;
  /** Binomial z of this cycle's rate against the baseline rate (both rates' sampling error). */
  z: number | null;
}

/** The partner chart: the provider's partner-rated responsiveness against its own baseline. */
export type PartnerDrift = MeasureDrift & { raterTeams: number };

/**
 * The view from outside, present once a team's partner chart has started (a visible partner
 * score with a ready baseline). `combined` is the retreat chart with the partner chart's
 * evidence added: each cycle z = (z_retreat + z_partner) / √2 when both are read, else
 * whichever one is (Stouffer); both are N(0, 1) in control, so the chart's limits still hold.
 */
export interface OutsideDrift {
  /** This cycle's partner chart reading, when the partner score is visible. */
  partner?: PartnerDrift;
  /** The partner chart's smoothed change, as of its latest reading. */
  partnerSmoothed: number;
  combined: { ewma: number; score: number; signal: -1 | 0 | 1; sources: 'own' | 'partner' | 'both' };
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
  /** How many visible cycles the baseline held, when charted. */
  baselineCycles?: number;
  /** Set when a lasting change made the baseline restart after this reading. */
  baselineRestarted?: true;
  fortressIndex?: number;
  participation: ParticipationPoint;
  outside?: OutsideDrift;
}

/** One chart family (the team's own measures, or its partner score) over a baseline era. */
interface Charts {
  visible: VisibleRecord[];
  /** Index in `visible` where the current baseline era begins, and how many of it are settled. */
  era: number;
  settled: number;
  tracks: Track[];
  /** Per measure: readings in a row beyond the limit, signed by side. */
  outRun: Int32Array;
}

interface TeamState {
  own: Charts;
  counts: { invited: number; responded: number }[];
  points: DriftPoint[];
  partner: Charts;
  /** The combined chart (retreat + partner evidence); runs from the first reading of either. */
  combined: { started: boolean; ewma: number };
}

const newCharts = (width: number, settled: number): Charts => ({
  visible: [],
  era: 0,
  settled,
  tracks: Array.from({ length: width }, newTrack),
  outRun: new Int32Array(width),
});

function newState(p: DriftParams): TeamState {
  return {
    own: newCharts(C, p.minBaselineCycles),
    counts: [],
    points: [],
    partner: newCharts(1, p.minBaselineCycles),
    combined: { started: false, ewma: 0 },
  };
}

const RETREAT = chartedMeasures.indexOf('retreat');

interface Pending {
  state: TeamState;
  charts: Charts;
  record: VisibleRecord;
  /** The record's position in its era. */
  index: number;
  raw: RawBaseline;
  point: DriftPoint;
}

/** Pushes a visible record; returns what the chart needs to read it, when its baseline is ready. */
function admit(charts: Charts, record: VisibleRecord, params: DriftParams): { index: number; raw: RawBaseline } | null {
  const h = charts.visible.length - charts.era;
  const window = baselineWindow(h, charts.settled, params);
  charts.visible.push(record);
  return window ? { index: h, raw: rawBaseline(charts.visible, charts.era, window, params.sigmaFloor) } : null;
}

/**
 * Drift series for every team (not the organisation root), one point per cycle it exists in.
 * `partners[t]`, when given, holds cycle t's partner ratings: a provider's visible partner
 * score is charted like a measure and adds its evidence to the fortress signals (OutsideDrift).
 */
export function computeDrift(
  cycles: readonly CycleAggregate[],
  params: DriftParams = defaultDriftParams,
  partners: readonly (PartnerAggregate | undefined)[] = [],
): Map<string, DriftPoint[]> {
  const states = new Map<string, TeamState>();
  cycles.forEach((agg, t) => {
    const pending: Pending[] = [];
    const pendingPartner: (Pending & { raterTeams: number })[] = [];
    const tree = agg.tree;
    for (let node = 1; node < tree.ids.length; node++) {
      const teamId = tree.ids[node]!;
      let state = states.get(teamId);
      if (!state) states.set(teamId, (state = newState(params)));
      const invited = agg.invited[node]!;
      const responded = agg.suppression.n[node]!;
      const participation = participationPoint(state, invited, responded, params);
      if (invited > 0) state.counts.push({ invited, responded });
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

      // The partner score comes from other teams, so it is read even when the team's own cell is not.
      const provider = partners[t]?.providers.get(teamId);
      if (provider?.moments) {
        const record: VisibleRecord = {
          t,
          n: provider.moments.n,
          means: Float64Array.of(provider.moments.mean),
          m2: Float64Array.of(provider.moments.m2),
        };
        const ready = admit(state.partner, record, params);
        if (ready) pendingPartner.push({ state, charts: state.partner, record, ...ready, point, raterTeams: provider.raterTeams });
      }
      if (!point.visible) continue; // a gap: nothing is read, the chart does not move

      const record = readRecord(agg, node, t);
      const ready = admit(state.own, record, params);
      if (ready) pending.push({ state, charts: state.own, record, ...ready, point });
    }

    const prior = organisationPrior(
      pending.map((p) => p.raw),
      params.minTeamsForShrinkage,
    );
    const zOwn = new Map<TeamState, number>();
    for (const p of pending) zOwn.set(p.state, chartStep(p, prior, params));
    const partnerPrior = organisationPrior(
      pendingPartner.map((p) => p.raw),
      params.minTeamsForShrinkage,
    );
    const zPartner = new Map<TeamState, { z: number; drift: PartnerDrift }>();
    for (const p of pendingPartner) {
      const { z, drift } = readChart(p, 0, partnerPrior, params);
      zPartner.set(p.state, { z, drift: { ...drift, raterTeams: p.raterTeams } });
    }
    for (const state of new Set([...zOwn.keys(), ...zPartner.keys()])) {
      combinedStep(state, state.points[state.points.length - 1]!, zOwn.get(state), zPartner.get(state), params);
    }
    for (const p of pending) restartIfLasting(p, params);
  });
  return new Map([...states].map(([id, s]) => [id, s.points]));
}

/** One chart reading of measure c: the shrunk baseline, the exact-limit EWMA, the smoothed change. */
function readChart(p: Pending, c: number, prior: Prior | null, params: DriftParams): { z: number; drift: MeasureDrift } {
  const { raw, record, charts } = p;
  const sigma2 = raw.variance[c]!;
  const w = ownWeight(raw, prior, c, params.minOwnWeight);
  const mu0 = prior ? w * raw.own[c]! + (1 - w) * prior.mean[c]! : raw.own[c]!;
  const mean = record.means[c]!;
  const change = mean - mu0;
  const step = trackStep(
    charts.tracks[c]!,
    { d: change, index: p.index, n: record.n, window: raw.records, N: raw.n, w, sigma2, tau2: prior ? prior.tau2[c]! : 0 },
    params.lambda,
  );
  const signal = step.score > params.L ? 1 : step.score < -params.L ? -1 : 0;
  const run = charts.outRun[c]!;
  charts.outRun[c] = signal === 0 ? 0 : Math.sign(run) === signal ? run + signal : signal;
  return {
    z: step.z,
    drift: {
      mean,
      n: record.n,
      baseline: mu0,
      sigma: Math.sqrt(sigma2),
      change,
      smoothedChange: step.ewma,
      ewma: step.ewma,
      score: step.score,
      signal,
    },
  };
}

/** Advances the combined chart and, once the partner chart has started, fills `point.outside`. */
function combinedStep(
  state: TeamState,
  point: DriftPoint,
  zOwn: number | undefined,
  partner: { z: number; drift: PartnerDrift } | undefined,
  params: DriftParams,
): void {
  const zs = [zOwn, partner?.z].filter((z): z is number => z !== undefined);
  if (!state.combined.started) {
    state.combined.started = true;
    state.combined.ewma = 0;
  }
  const step = ewmaStep(state.combined.ewma, zs.reduce((a, b) => a + b, 0) / Math.sqrt(zs.length), params);
  state.combined.ewma = step.ewma;
  const partnerTrack = state.partner.tracks[0]!;
  if (partnerTrack.e.length === 0) return; // no partner evidence yet: the retreat chart says it all
  const partnerSmoothed = partnerTrack.ewma;
  point.outside = {
    ...(partner ? { partner: partner.drift } : {}),
    partnerSmoothed,
    combined: {
      ewma: step.ewma,
      score: step.score,
      signal: step.signal,
      sources: zs.length === 2 ? 'both' : zOwn === undefined ? 'partner' : 'own',
    },
  };
  const m = point.measures;
  if (m) {
    point.fortressIndex = fortressIndex({
      relatedness: m.relatedness.smoothedChange,
      openness: m.openness.smoothedChange,
      autonomy: m.autonomy.smoothedChange,
      partner: partnerSmoothed,
    });
  }
}

/** The team's own charts this cycle; resolves the retreat chart's z for the combined chart. */
function chartStep(p: Pending, prior: Prior | null, params: DriftParams): number {
  const measures = {} as Record<ChartedMeasure, MeasureDrift>;
  let zRetreat = 0;
  for (let c = 0; c < C; c++) {
    const { z, drift } = readChart(p, c, prior, params);
    measures[chartedMeasures[c]!] = drift;
    if (c === RETREAT) zRetreat = z;
  }
  p.point.measures = measures;
  p.point.baselineCycles = p.raw.records.length;
  p.point.fortressIndex = fortressIndex({
    relatedness: measures.relatedness.smoothedChange,
    openness: measures.openness.smoothedChange,
    autonomy: measures.autonomy.smoothedChange,
  });
  return zRetreat;
}

/** A change that has held beyond the limit for restartCycles readings becomes the new baseline. */
function restartIfLasting(p: Pending, params: DriftParams): void {
  const charts = p.charts;
  if (!charts.outRun.some((run) => Math.abs(run) >= params.restartCycles)) return;
  charts.era = charts.visible.length - params.restartCycles;
  charts.settled = params.restartCycles;
  charts.tracks = charts.tracks.map(newTrack);
  charts.outRun.fill(0);
  p.state.combined.ewma = 0; // the combined chart reads the retreat chart's z: it restarts with it
  p.point.baselineRestarted = true;
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

/** The response rate against the team's baseline rate over the same window rule (cycles with invitations). */
function participationPoint(state: TeamState, invited: number, responded: number, p: DriftParams): ParticipationPoint {
  const rate = invited > 0 ? responded / invited : null;
  const window = baselineWindow(state.counts.length, p.minBaselineCycles, p);
  if (!window || rate === null) return { rate, baselineRate: null, z: null };
  let inv = 0;
  let resp = 0;
  for (let i = window[0]; i < window[1]; i++) {
    inv += state.counts[i]!.invited;
    resp += state.counts[i]!.responded;
  }
  const baselineRate = resp / inv;
  // Keep the variance away from 0 when the baseline was all-or-nothing.
  const q = Math.min(0.95, Math.max(0.05, baselineRate));
  return { rate, baselineRate, z: (rate - baselineRate) / Math.sqrt(q * (1 - q) * (1 / invited + 1 / inv)) };
}
