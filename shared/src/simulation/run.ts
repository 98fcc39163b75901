/** Runs a scenario through the real engine and the naive rule, and scores both. */
import { partnerItemIds } from '../api/partners.js';
import { atLeast } from '../insights/alerts.js';
import { runInsights, type CycleInput, type InsightsInput, type InsightsResult } from '../insights/engine.js';
import { partnerScore, type PartnerCellInput } from '../insights/partner.js';
import { scoreResponse } from '../insights/scores.js';
import { momentsOf } from '../insights/stats.js';
import { rates, type Rates } from './evaluate.js';
import { generateScenario, type GeneratedScenario, type SimTeam } from './generator.js';
import { naiveFlags } from './naive.js';
import type { SimRating } from './partners.js';
import type { Scenario } from './scenario.js';

export interface SimulationReport {
  scenario: string;
  engine: { all: Rates; teams8plus: Rates; teams5to7: Rates };
  /** Pressure-only drifts caught by a `pressure` alert (when the scenario has them). */
  pressure: { teams8plus: Rates; teams5to7: Rates };
  naive: { all: Rates; teams8plus: Rates };
}

export interface RunOptions extends Pick<InsightsInput, 'drift' | 'rules'> {
  /** Feed the scenario's partner ratings to the engine (when it has any). */
  partners?: boolean;
}

/** Partner ratings as the engine takes them: moments of 0–100 scores per provider × rater team. */
export function partnerCells(ratings: readonly SimRating[]): PartnerCellInput[] {
  const scores = new Map<string, { providerId: string; raterTeamId: string; values: number[] }>();
  for (const r of ratings) {
    const key = `${r.providerId}|${r.raterTeamId}`;
    let cell = scores.get(key);
    if (!cell) scores.set(key, (cell = { providerId: r.providerId, raterTeamId: r.raterTeamId, values: [] }));
    cell.values.push(partnerScore(r.answers, partnerItemIds));
  }
  return [...scores.values()].map(({ providerId, raterTeamId, values }) => ({ providerId, raterTeamId, moments: momentsOf(values) }));
}

/** Scores every generated answer and feeds the cycles to the engine. */
export function runEngineOn(generated: GeneratedScenario, threshold: number, options: RunOptions = {}): InsightsResult {
  const { partners, ...engine } = options;
  const cycles: CycleInput[] = [];
  for (const c of generated.cycles()) {
    const byTeam = new Map(
      [...c.teams].map(([id, t]) => [
        id,
        { invited: t.invited, responses: t.answers.map((a) => scoreResponse(generated.questionnaire, a)) },
      ]),
    );
    cycles.push({
      cycleId: c.cycleId,
      teams: generated.hierarchyAt(c.cycleIndex),
      byTeam,
      ...(partners && c.partners ? { partners: partnerCells(c.partners) } : {}),
    });
  }
  return runInsights({ teams: generated.hierarchy, cycles, threshold, ...engine });
}

/** Cycle indices with an alert at warning or above, per team; `kind` narrows to one kind. */
function flagsOf(result: InsightsResult, kind?: string): Map<string, number[]> {
  const flags = new Map<string, number[]>();
  for (const a of result.alerts) {
    if (!atLeast(a.level, 'warning') || (kind && a.kind !== kind)) continue;
    let list = flags.get(a.teamId);
    if (!list) flags.set(a.teamId, (list = []));
    list.push(a.cycleIndex);
  }
  return flags;
}

/** Detection counts fortress alerts only; false alarms count every kind (filtered in rates). */
function engineRates(result: InsightsResult, teams: readonly SimTeam[], cycles: number): Rates {
  const detection = rates(teams, flagsOf(result, 'fortress'), cycles);
  const alarms = rates(teams, flagsOf(result), cycles);
  return { ...detection, stableFlaggedPerYear: alarms.stableFlaggedPerYear, stableFlaggedFirstYear: alarms.stableFlaggedFirstYear };
}

const bigTeams = (g: GeneratedScenario) => g.teams.filter((t) => t.size >= 8);

/** The simulation's figures for one scenario. */
export function simulate(scenario: Scenario, options: Pick<InsightsInput, 'drift' | 'rules'> = {}): SimulationReport {
  const generated = generateScenario(scenario);
  const result = runEngineOn(generated, scenario.threshold, options);
  const naive = naiveFlags(
    result.aggregates,
    generated.teams.map((t) => t.id),
  );
  const big = bigTeams(generated);
  const small = generated.teams.filter((t) => t.size < 8);
  return {
    scenario: scenario.name,
    engine: {
      all: engineRates(result, generated.teams, scenario.cycles),
      teams8plus: engineRates(result, big, scenario.cycles),
      teams5to7: engineRates(result, small, scenario.cycles),
    },
    pressure: {
      teams8plus: rates(big, flagsOf(result, 'pressure'), scenario.cycles, 'pressure-only'),
      teams5to7: rates(small, flagsOf(result, 'pressure'), scenario.cycles, 'pressure-only'),
    },
    naive: { all: rates(generated.teams, naive, scenario.cycles), teams8plus: rates(big, naive, scenario.cycles) },
  };
}

/** Detection of fortress drifts by delay: the share flagged by onset + d, and the mean delay. */
export interface DelayProfile {
  /** byDelay[d] = share of drifts flagged at onset … onset + d, for d = 0..5. */
  byDelay: number[];
  meanDelay: number | null;
  /** Drifts never flagged before the run ends. */
  missed: number;
}

function delayProfile(teams: readonly SimTeam[], flags: ReadonlyMap<string, readonly number[]>, cycles: number): DelayProfile {
  const drifting = teams.filter((t) => t.pattern === 'fortress' && t.onset !== null && t.onset < cycles);
  const delays = drifting.map((t) => {
    const first = (flags.get(t.id) ?? []).find((c) => c >= t.onset!);
    return first === undefined ? null : first - t.onset!;
  });
  const found = delays.filter((d): d is number => d !== null);
  return {
    byDelay: Array.from({ length: 6 }, (_, d) => (drifting.length ? found.filter((x) => x <= d).length / drifting.length : 0)),
    meanDelay: found.length ? found.reduce((a, b) => a + b, 0) / found.length : null,
    missed: delays.length - found.length,
  };
}

export interface PartnerGroup {
  rates: Rates;
  delays: DelayProfile;
}

/** The engine on the same scenario without and with the partner signal. */
export interface PartnerComparison {
  scenario: string;
  without: { all: PartnerGroup; teams8plus: PartnerGroup; teams5to7: PartnerGroup };
  with: { all: PartnerGroup; teams8plus: PartnerGroup; teams5to7: PartnerGroup };
  /** Partner figures shown per provider-cycle with partner ratings, as a share. */
  partnerVisibleShare: number;
}

/** Runs the engine twice on one scenario's data, without and with its partner ratings. */
export function simulatePartners(scenario: Scenario, options: Pick<InsightsInput, 'drift' | 'rules'> = {}): PartnerComparison {
  if (!scenario.partners) throw new Error(`Scenario ${scenario.name} has no partners section`);
  const generated = generateScenario(scenario);
  const group = (result: InsightsResult) => {
    const of = (teams: readonly SimTeam[]): PartnerGroup => ({
      rates: engineRates(result, teams, scenario.cycles),
      delays: delayProfile(teams, flagsOf(result, 'fortress'), scenario.cycles),
    });
    return { all: of(generated.teams), teams8plus: of(bigTeams(generated)), teams5to7: of(generated.teams.filter((t) => t.size < 8)) };
  };
  const withPartners = runEngineOn(generated, scenario.threshold, { ...options, partners: true });
  let shown = 0;
  let rated = 0;
  for (const agg of withPartners.partners) {
    for (const p of agg?.providers.values() ?? []) {
      rated++;
      if (p.moments) shown++;
    }
  }
  return {
    scenario: scenario.name,
    without: group(runEngineOn(generated, scenario.threshold, options)),
    with: group(withPartners),
    partnerVisibleShare: rated ? shown / rated : 0,
  };
}

/** One point of the detection curve: a drift of `drop` scale points ramped over `rampCycles`. */
export interface CurvePoint {
  drop: number;
  rampCycles: number;
  teams8plus: number | null;
  teams5to7: number | null;
}

/**
 * Detection within 3 cycles against drift size: the scenario's teams, a third of them drifting
 * by each drop × ramp (onsets 3–20 of their history, so young and grown-up baselines both count).
 */
export function detectionCurve(base: Scenario, drops: readonly number[], ramps: readonly number[]): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (const rampCycles of ramps) {
    for (const drop of drops) {
      const scenario: Scenario = {
        ...base,
        name: `curve ${drop}/${rampCycles}`,
        patterns: [
          { pattern: 'stable', share: 2 / 3 },
          { pattern: 'fortress', share: 1 / 3, onset: { min: 3, max: 20 }, drop, rampCycles, pressureLead: 0, pressureRise: 0 },
        ],
      };
      const r = simulate(scenario).engine;
      out.push({ drop, rampCycles, teams8plus: r.teams8plus.detectionWithin3, teams5to7: r.teams5to7.detectionWithin3 });
    }
  }
  return out;
}
