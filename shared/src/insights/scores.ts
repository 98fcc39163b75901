import { constructs, questionnaireVersion, type Construct, type Questionnaire } from '../questionnaire.js';

/** The three basic needs: the constructs that have satisfaction and frustration facets. */
export const needs = ['autonomy', 'competence', 'relatedness'] as const;
export type Need = (typeof needs)[number];

export interface FacetScores {
  satisfaction: number;
  /** Higher means more frustration: not flipped, unlike in the construct score. */
  frustration: number;
}

/** One response scored on 0–100 per construct, plus satisfaction and frustration per need. */
export interface ResponseScore {
  constructs: Record<Construct, number>;
  facets: Record<Need, FacetScores>;
}

/** An item's answer as a 0–100 contribution; index into the compiled scorer's sums. */
interface CompiledItem {
  id: string;
  min: number;
  range: number;
  reverse: boolean;
  construct: number;
  /** Index of the facet sum (need × 2 + 0 satisfaction / 1 frustration), or −1 for openness. */
  facet: number;
}

interface CompiledQuestionnaire {
  items: CompiledItem[];
  constructCounts: number[];
  facetCounts: number[];
}

const compiled = new WeakMap<Questionnaire, CompiledQuestionnaire>();

function compile(q: Questionnaire): CompiledQuestionnaire {
  const found = compiled.get(q);
  if (found) return found;
  const constructCounts = constructs.map(() => 0);
  const facetCounts = [0, 0, 0, 0, 0, 0];
  const items = q.items.map((item): CompiledItem => {
    const construct = constructs.indexOf(item.construct);
    const need = (needs as readonly string[]).indexOf(item.construct);
    const facet = need < 0 || item.facet === 'behaviour' ? -1 : need * 2 + (item.facet === 'frustration' ? 1 : 0);
    constructCounts[construct]!++;
    if (facet >= 0) facetCounts[facet]!++;
    if (item.scale.max <= item.scale.min) throw new Error(`Item ${item.id} has an empty scale`);
    return { id: item.id, min: item.scale.min, range: item.scale.max - item.scale.min, reverse: item.reverse, construct, facet };
  });
  // A version without items for some score would silently produce NaN; refuse it instead.
  constructCounts.forEach((count, i) => {
    if (count === 0) throw new Error(`Questionnaire v${q.version} has no ${constructs[i]} items`);
  });
  facetCounts.forEach((count, i) => {
    if (count === 0) throw new Error(`Questionnaire v${q.version} has no ${needs[i >> 1]} ${i & 1 ? 'frustration' : 'satisfaction'} items`);
  });
  const result = { items, constructCounts, facetCounts };
  compiled.set(q, result);
  return result;
}

/**
 * Scores one response with the questionnaire it was given with (pass the stored version
 * number to look it up). Every item must be answered with an integer on its scale: the
 * submission route guarantees it, so anything else is a data error and throws.
 */
export function scoreResponse(questionnaire: Questionnaire | number, answers: Readonly<Record<string, number>>): ResponseScore {
  const q = typeof questionnaire === 'number' ? questionnaireVersion(questionnaire) : questionnaire;
  const c = compile(q);
  const constructSums = [0, 0, 0, 0];
  const facetSums = [0, 0, 0, 0, 0, 0];
  for (const item of c.items) {
    const v = answers[item.id];
    if (v === undefined) throw new Error(`Answer missing for item ${item.id} (questionnaire v${q.version})`);
    if (!Number.isInteger(v) || v < item.min || v > item.min + item.range) {
      throw new RangeError(`Answer ${v} for item ${item.id} is outside ${item.min}..${item.min + item.range}`);
    }
    const raw = ((v - item.min) / item.range) * 100;
    constructSums[item.construct]! += item.reverse ? 100 - raw : raw;
    // Facets keep the item's own direction: a frustration facet rises with frustration.
    if (item.facet >= 0) facetSums[item.facet]! += raw;
  }
  const mean = (sums: number[], counts: number[], i: number) => sums[i]! / counts[i]!;
  const facet = (need: number): FacetScores => ({
    satisfaction: mean(facetSums, c.facetCounts, need * 2),
    frustration: mean(facetSums, c.facetCounts, need * 2 + 1),
  });
  return {
    constructs: {
      autonomy: mean(constructSums, c.constructCounts, 0),
      competence: mean(constructSums, c.constructCounts, 1),
      relatedness: mean(constructSums, c.constructCounts, 2),
      openness: mean(constructSums, c.constructCounts, 3),
    },
    facets: { autonomy: facet(0), competence: facet(1), relatedness: facet(2) },
  };
}
