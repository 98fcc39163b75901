/**
 * From stored responses to the instrument's figures: each construct's items as columns (reverse
 * items reversed, as psych's `keys` do), then reliability per construct and the needs' relative
 * weights on eNPS.
 */
import { constructs, questionnaireVersion, type Construct, type Questionnaire } from '../questionnaire.js';
import type { BootstrapOptions } from './bootstrap.js';
import { relativeWeightsSteps } from './relative-weights.js';
import { scaleReliabilitySteps, type ScaleReliability } from './reliability.js';
import { drain, type Steps } from './steps.js';

/** What the instrument statistics read of a stored response. */
export interface StoredAnswers {
  questionnaireVersion: number;
  answers: Readonly<Record<string, unknown>>;
}

/** The eNPS item's id in a response's answers (0–10). */
export const ENPS_ITEM_ID = 'enps';

/** A construct's items of one questionnaire version, in the questionnaire's order. */
export function constructItems(q: Questionnaire, construct: Construct) {
  return q.items.filter((item) => item.construct === construct);
}

const isAnswer = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * The respondents × items matrix of one construct, reverse items scored max + min − answer;
 * responses without a valid answer to every one of its items are left out.
 */
export function constructRows(q: Questionnaire, construct: Construct, responses: readonly StoredAnswers[]): number[][] {
  const items = constructItems(q, construct);
  const rows: number[][] = [];
  for (const response of responses) {
    if (response.questionnaireVersion !== q.version) continue;
    const row = items.map((item) => {
      const v = response.answers[item.id];
      if (!isAnswer(v, item.scale.min, item.scale.max)) return Number.NaN;
      return item.reverse ? item.scale.max + item.scale.min - v : v;
    });
    if (row.every(Number.isFinite)) rows.push(row);
  }
  return rows;
}

/** The newest questionnaire version among the responses (the one whose items are analysed). */
export function newestVersion(responses: readonly StoredAnswers[]): Questionnaire | null {
  if (responses.length === 0) return null;
  return questionnaireVersion(Math.max(...responses.map((r) => r.questionnaireVersion)));
}

export interface ConstructReliability extends ScaleReliability {
  construct: Construct;
}

/** Reliability of one construct over the responses of one group (its newest questionnaire version's items); null when it cannot be computed. */
export function* constructReliabilitySteps(
  responses: readonly StoredAnswers[],
  construct: Construct,
  options: BootstrapOptions = {},
): Steps<ConstructReliability | null> {
  const q = newestVersion(responses);
  if (!q) return null;
  const items = constructItems(q, construct);
  const result = yield* scaleReliabilitySteps(
    items.map((item) => item.id),
    constructRows(q, construct, responses),
    options,
  );
  return result ? { construct, ...result } : null;
}

/** `constructReliabilitySteps` run to its end at once. */
export const constructReliability = (...args: Parameters<typeof constructReliabilitySteps>) => drain(constructReliabilitySteps(...args));

/** Reliability of every construct over the responses of one group; constructs that cannot be computed are left out. */
export function reliabilityByConstruct(responses: readonly StoredAnswers[], options: BootstrapOptions = {}): ConstructReliability[] {
  return constructs.flatMap((construct) => constructReliability(responses, construct, options) ?? []);
}

export interface Drivers {
  /** Respondents with an eNPS answer and every construct complete. */
  n: number;
  rSquared: number;
  weights: { construct: Construct; weight: number; ci: [number, number] | null }[];
}

/**
 * Johnson's relative weights of the four construct scores (means of their items on the answer
 * scale, reverse items reversed) on the eNPS answer (0–10), over the responses that carry both;
 * null when fewer than `minimum` do or the weights cannot be formed.
 */
export function* enpsDriversSteps(
  responses: readonly StoredAnswers[],
  minimum: number,
  options: BootstrapOptions = {},
): Steps<Drivers | null> {
  const predictors: number[][] = [];
  const outcome: number[] = [];
  const versions = new Set(responses.map((r) => r.questionnaireVersion));
  for (const version of versions) {
    const q = questionnaireVersion(version);
    const ofVersion = responses.filter((r) => r.questionnaireVersion === version && isAnswer(r.answers[ENPS_ITEM_ID], 0, 10));
    // One row per response of this version, its four construct means; incomplete responses are left out.
    const means = constructs.map((c) =>
      ofVersion.map((r) => {
        const row = constructRows(q, c, [r])[0];
        return row ? row.reduce((a, b) => a + b, 0) / row.length : null;
      }),
    );
    ofVersion.forEach((r, i) => {
      const scores = means.map((m) => m[i]!);
      if (scores.some((x) => x === null)) return;
      predictors.push(scores as number[]);
      outcome.push(r.answers[ENPS_ITEM_ID] as number);
    });
  }
  if (predictors.length < minimum) return null;
  const result = yield* relativeWeightsSteps(predictors, outcome, options);
  if (!result) return null;
  return {
    n: result.n,
    rSquared: result.rSquared,
    weights: constructs.map((construct, j) => ({ construct, weight: result.weights[j]!, ci: result.intervals[j] ?? null })),
  };
}

/** `enpsDriversSteps` run to its end at once. */
export const enpsDrivers = (...args: Parameters<typeof enpsDriversSteps>) => drain(enpsDriversSteps(...args));
