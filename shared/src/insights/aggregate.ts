/**
 * One cycle's aggregates: every node's subtree moments for each measure, and the one
 * suppression decision. Hidden cells' figures can only be read through visibleMoments /
 * cellScores, which refuse them, so nothing downstream can leak them by accident.
 */
import { constructs, type Construct } from '../questionnaire.js';
import { suppressCells, suppressionMessage, type Suppression, type SuppressionReason } from './anonymity.js';
import type { ResponseScore } from './scores.js';
import { summarizeMoments, type Moments, type Summary } from './stats.js';
import type { TeamTree } from './tree.js';

/** Everything aggregated per cell: the constructs, the need facets, and two composites. */
export const measures = [
  'autonomy',
  'competence',
  'relatedness',
  'openness',
  'autonomy_satisfaction',
  'autonomy_frustration',
  'competence_satisfaction',
  'competence_frustration',
  'relatedness_satisfaction',
  'relatedness_frustration',
  /** Per respondent (relatedness + openness) / 2: the retreat the fortress pattern is about. */
  'retreat',
  /** Per respondent (autonomy + competence frustration) / 2: the pressure before a retreat. */
  'pressure',
] as const;
export type Measure = (typeof measures)[number];
const M = measures.length;
export const measureIndex = Object.fromEntries(measures.map((m, i) => [m, i])) as Record<Measure, number>;

/** Fills `out` with one response's value per measure, in `measures` order. */
function measureValues(r: ResponseScore, out: Float64Array): void {
  const c = r.constructs;
  const f = r.facets;
  out[0] = c.autonomy;
  out[1] = c.competence;
  out[2] = c.relatedness;
  out[3] = c.openness;
  out[4] = f.autonomy.satisfaction;
  out[5] = f.autonomy.frustration;
  out[6] = f.competence.satisfaction;
  out[7] = f.competence.frustration;
  out[8] = f.relatedness.satisfaction;
  out[9] = f.relatedness.frustration;
  out[10] = (c.relatedness + c.openness) / 2;
  out[11] = (f.autonomy.frustration + f.competence.frustration) / 2;
}

/**
 * A team's own (direct) members this cycle: their scored responses, or the moments
 * `directMoments` made of them earlier (what a server stores so it can recompute without
 * rereading every answer).
 */
export type TeamCycleInput = { invited: number; responses: readonly ResponseScore[] } | { invited: number; moments: ArrayLike<number> };

/** Length of a team's moments: (n, mean, m2) for each measure, in `measures` order. */
export const MOMENTS_LENGTH = M * 3;

/** Welford's update of flat (n, mean, m2) moments at `base` with one response's measures. */
function addResponse(moments: Float64Array, base: number, values: Float64Array): void {
  for (let m = 0; m < M; m++) {
    const o = base + m * 3;
    const n = moments[o]! + 1;
    const delta = values[m]! - moments[o + 1]!;
    moments[o] = n;
    moments[o + 1]! += delta / n;
    moments[o + 2]! += delta * (values[m]! - moments[o + 1]!);
  }
}

/** A team's own responses as flat moments (MOMENTS_LENGTH numbers), for TeamCycleInput. */
export function directMoments(responses: readonly ResponseScore[]): Float64Array {
  const moments = new Float64Array(MOMENTS_LENGTH);
  const values = new Float64Array(M);
  for (const r of responses) {
    measureValues(r, values);
    addResponse(moments, 0, values);
  }
  return moments;
}

export interface CycleAggregate {
  cycleId: string;
  label: string;
  tree: TeamTree;
  suppression: Suppression;
  /** Subtree invited count per node index. */
  invited: readonly number[];
  /** Subtree moments, flat: node · measures.length · 3 + measure · 3 + (n, mean, m2). */
  moments: Float64Array;
}

/** Aggregates one cycle's scored responses up the tree and decides visibility once. */
export function aggregateCycle(
  cycleId: string,
  tree: TeamTree,
  byTeam: ReadonlyMap<string, TeamCycleInput>,
  threshold: number,
  label: string = cycleId,
): CycleAggregate {
  const size = tree.ids.length;
  const moments = new Float64Array(size * M * 3);
  const invited = new Array<number>(size).fill(0);
  const direct = new Array<number>(size).fill(0);
  const values = new Float64Array(M);
  for (const [teamId, input] of byTeam) {
    const node = tree.indexOf.get(teamId);
    if (node === undefined) throw new Error(`Cycle ${cycleId} has responses for unknown team ${teamId}`);
    invited[node] = input.invited;
    const base = node * M * 3;
    if ('moments' in input) {
      if (input.moments.length !== MOMENTS_LENGTH) throw new Error(`Team ${teamId} has malformed moments in cycle ${cycleId}`);
      for (let i = 0; i < MOMENTS_LENGTH; i++) moments[base + i] = input.moments[i]!;
    } else {
      for (const r of input.responses) {
        measureValues(r, values);
        addResponse(moments, base, values);
      }
    }
    direct[node] = moments[base]!;
    if (direct[node]! > input.invited) {
      throw new Error(`Team ${teamId} has more responses (${direct[node]}) than invitations (${input.invited}) in cycle ${cycleId}`);
    }
  }
  // Children before parents: merge each finished node into its parent (Chan et al.).
  for (const node of tree.postOrder) {
    const parent = tree.parent[node]!;
    if (parent < 0) continue;
    invited[parent]! += invited[node]!;
    const from = node * M * 3;
    const into = parent * M * 3;
    for (let m = 0; m < M; m++) {
      const a = into + m * 3;
      const b = from + m * 3;
      const nb = moments[b]!;
      if (nb === 0) continue;
      const na = moments[a]!;
      const n = na + nb;
      const delta = moments[b + 1]! - moments[a + 1]!;
      moments[a + 1]! += (delta * nb) / n;
      moments[a + 2]! += moments[b + 2]! + (delta * delta * na * nb) / n;
      moments[a] = n;
    }
  }
  const suppression = suppressCells(tree, direct, threshold);
  return { cycleId, label, tree, suppression, invited, moments };
}

/** A visible cell's moments for one measure; null for a hidden cell, always. */
export function visibleMoments(agg: CycleAggregate, node: number, measure: Measure): Moments | null {
  if (!agg.suppression.visible[node]) return null;
  const o = node * M * 3 + measureIndex[measure] * 3;
  return { n: agg.moments[o]!, mean: agg.moments[o + 1]!, m2: agg.moments[o + 2]! };
}

/** What a score cell shows: 0–100 mean, 95% t interval clipped to the scale, n. */
export interface ScoreSummary {
  n: number;
  mean: number;
  sd: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** A summary as a cell shows it; the interval clipped to the 0–100 scale. */
export function toScore(s: Summary): ScoreSummary {
  // The scale ends at 0 and 100, so an interval reaching past them is clipped there.
  const clip = (v: number | null) => (v === null ? null : Math.min(100, Math.max(0, v)));
  return { n: s.n, mean: s.mean ?? 0, sd: s.sd, ciLow: clip(s.ciLow), ciHigh: clip(s.ciHigh) };
}

/** The score cell of visible moments. */
export const scoreOfMoments = (m: Moments): ScoreSummary => toScore(summarizeMoments(m));

export type CellScores =
  | {
      visible: true;
      n: number;
      invited: number;
      scores: Record<Construct, ScoreSummary>;
      frustration: Record<'autonomy' | 'competence' | 'relatedness', ScoreSummary>;
    }
  | { visible: false; n: number; invited: number; reason: SuppressionReason; message: string };

/** The figures one cell may show, or only its reason when it is suppressed. */
export function cellScores(agg: CycleAggregate, node: number): CellScores {
  const n = agg.suppression.n[node]!;
  const invited = agg.invited[node]!;
  const reason = agg.suppression.reason[node];
  if (reason) return { visible: false, n, invited, reason, message: suppressionMessage(reason, agg.suppression.threshold) };
  const score = (m: Measure) => toScore(summarizeMoments(visibleMoments(agg, node, m)!));
  const scores = Object.fromEntries(constructs.map((c) => [c, score(c)])) as Record<Construct, ScoreSummary>;
  return {
    visible: true,
    n,
    invited,
    scores,
    frustration: {
      autonomy: score('autonomy_frustration'),
      competence: score('competence_frustration'),
      relatedness: score('relatedness_frustration'),
    },
  };
}
