/**
 * The rule the engine is compared with: flag a team when any construct's score fell 8 points
 * or more since the previous cycle, both cycles shown (n ≥ k).
 */
import { visibleMoments, type CycleAggregate } from '../insights/aggregate.js';
import { constructs } from '../questionnaire.js';

export const naiveDropPoints = 8;

/** Cycle indices at which the naive rule flags each team, by team id. */
export function naiveFlags(aggregates: readonly CycleAggregate[], teamIds: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const id of teamIds) {
    const flags: number[] = [];
    for (let t = 1; t < aggregates.length; t++) {
      const now = aggregates[t]!;
      const before = aggregates[t - 1]!;
      const a = now.tree.indexOf.get(id);
      const b = before.tree.indexOf.get(id);
      if (a === undefined || b === undefined) continue;
      const fell = constructs.some((c) => {
        const x = visibleMoments(now, a, c);
        const y = visibleMoments(before, b, c);
        return x !== null && y !== null && y.mean - x.mean >= naiveDropPoints;
      });
      if (fell) flags.push(t);
    }
    out.set(id, flags);
  }
  return out;
}
