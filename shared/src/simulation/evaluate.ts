/**
 * Detection and false-alarm figures for a simulated run, in the shape `simulate` (run.ts) returns.
 * The first 12 cycles are the learning year (baselines form) and never count as a stable year;
 * after it, every complete 12-cycle block counted back from the last cycle is one team-year.
 */
import type { SimTeam } from './generator.js';

export interface Rates {
  drifting: number;
  stable: number;
  /** Share of fortress drifts flagged (warning or above) at onset … onset + 3. */
  detectionWithin3: number | null;
  /** Median cycles from onset to the first flag, over the drifts flagged at all. */
  medianDelay: number | null;
  /** Share of stable team-years with at least one flag (warning or above). */
  stableFlaggedPerYear: number | null;
}

export const learningCycles = 12;
export const detectionWindow = 3;

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Rates for one set of teams, given each team's flagged cycle indices (ascending). */
export function rates(teams: readonly SimTeam[], flags: ReadonlyMap<string, readonly number[]>, cycles: number): Rates {
  const drifting = teams.filter((t) => t.pattern === 'fortress' && t.onset !== null && t.onset < cycles);
  const stable = teams.filter((t) => t.pattern === 'stable' || t.pattern === 'stable-noisy');
  let detected = 0;
  const delays: number[] = [];
  for (const t of drifting) {
    const first = (flags.get(t.id) ?? []).find((c) => c >= t.onset!);
    if (first === undefined) continue;
    delays.push(first - t.onset!);
    if (first - t.onset! <= detectionWindow) detected++;
  }
  const blocks: [number, number][] = [];
  for (let end = cycles; end - 12 >= learningCycles; end -= 12) blocks.push([end - 12, end]);
  let flaggedYears = 0;
  for (const t of stable) {
    const f = flags.get(t.id) ?? [];
    for (const [from, to] of blocks) if (f.some((c) => c >= from && c < to)) flaggedYears++;
  }
  const years = stable.length * blocks.length;
  return {
    drifting: drifting.length,
    stable: stable.length,
    detectionWithin3: drifting.length ? detected / drifting.length : null,
    medianDelay: median(delays),
    stableFlaggedPerYear: years ? flaggedYears / years : null,
  };
}
