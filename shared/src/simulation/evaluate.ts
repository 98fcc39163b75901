/**
 * Detection and false-alarm figures for a simulated run, in the shape docs/insights.md prints.
 * Every team-year counts, the first one included: a stable team's year k is its cycles
 * [joined + 12k, joined + 12k + 12), when the run holds all of it. A team whose level stepped
 * once (a new leader) is news for `stepSettleCycles` cycles; its flags in that span are not
 * false alarms, every later one is.
 */
import type { SimTeam } from './generator.js';

export interface Rates {
  drifting: number;
  stable: number;
  /** Share of drifts flagged (warning or above) at onset … onset + 3. */
  detectionWithin3: number | null;
  /** Median cycles from onset to the first flag, over the drifts flagged at all. */
  medianDelay: number | null;
  /** Share of stable team-years with at least one flag (warning or above). */
  stableFlaggedPerYear: number | null;
  /** The same over each stable team's first year only (its months 1–12). */
  stableFlaggedFirstYear: number | null;
}

export const detectionWindow = 3;
export const stepSettleCycles = 6;
const year = 12;

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Rates for one set of teams, given each team's flagged cycle indices (ascending). `drifting`
 * names the pattern whose drifts count as detections (fortress, or pressure-only for the
 * pressure alert).
 */
export function rates(
  teams: readonly SimTeam[],
  flags: ReadonlyMap<string, readonly number[]>,
  cycles: number,
  drift: 'fortress' | 'pressure-only' = 'fortress',
): Rates {
  const drifting = teams.filter((t) => t.pattern === drift && t.onset !== null && t.onset < cycles);
  const stable = teams.filter((t) => t.pattern === 'stable' || t.pattern === 'stable-noisy');
  let detected = 0;
  const delays: number[] = [];
  for (const t of drifting) {
    const first = (flags.get(t.id) ?? []).find((c) => c >= t.onset!);
    if (first === undefined) continue;
    delays.push(first - t.onset!);
    if (first - t.onset! <= detectionWindow) detected++;
  }
  let years = 0;
  let flaggedYears = 0;
  let firstYears = 0;
  let flaggedFirstYears = 0;
  for (const t of stable) {
    const news = (c: number) => t.step !== null && c >= t.step.at && c < t.step.at + stepSettleCycles;
    const f = (flags.get(t.id) ?? []).filter((c) => !news(c));
    for (let from = t.joined; from + year <= cycles; from += year) {
      const flagged = f.some((c) => c >= from && c < from + year);
      years++;
      if (flagged) flaggedYears++;
      if (from === t.joined) {
        firstYears++;
        if (flagged) flaggedFirstYears++;
      }
    }
  }
  return {
    drifting: drifting.length,
    stable: stable.length,
    detectionWithin3: drifting.length ? detected / drifting.length : null,
    medianDelay: median(delays),
    stableFlaggedPerYear: years ? flaggedYears / years : null,
    stableFlaggedFirstYear: firstYears ? flaggedFirstYears / firstYears : null,
  };
}
