/**
 * From stored responses to the instrument's figures: each construct's items as columns (reverse
 * items reversed, as psych's `keys` do), then reliability per construct and the needs' relative
 * weights on eNPS.
 */
import { constructs, questionnaireVersion, type Construct, type Questionnaire } from '../questionnaire.js';
import type { BootstrapOptions } from './bootstrap.js';
import { relativeWeightsWithIntervals } from './relative-weights.js';
import { scaleReliability, type ScaleReliability } from './reliability.js';

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
export function constructReliability(responses: readonly StoredAnswers[], construct: Construct, options: BootstrapOptions = {}): ConstructReliability | null {
  const q = newestVersion(responses);
  if (!q) return null;
  const items = constructItems(q, construct);
  const result = scaleReliability(
    items.map((item) => item.id),
    constructRows(q, construct, responses),
    options,
  );
  return result ? { construct, ...result } : null;
}

/** Reliability of every construct over the responses of one group; constructs that cannot be computed are left out. */
export function reliabilityByConstruct(responses: readonly StoredAnswers[], options: BootstrapOptions = {}): ConstructReliability[] {
  return constructs.flatMap((construct) => constructReliability(responses, construct, options) ?? []);
}

/** A construct's score of one response on the 1–5 answer scale (mean of its items, reverse items reversed); null when incomplete. */
function constructMean(q: Questionnaire, construct: Construct, response: StoredAnswers): number | null {
  const row = constructRows(q, construct, [response])[0];
  return row ? row.reduce((a, b) => a + b, 0) / row.length : null;
}

export interface Drivers {
  /** Respondents with an eNPS answer and every construct complete. */
  n: number;
  rSquared: number;
  weights: { construct: Construct; weight: number; ci: [number, number] | null }[];
}

/**
 * Johnson's relative weights of the four construct scores on the eNPS answer (0–10), over the
 * responses that carry both; null when fewer than `minimum` do or the weights cannot be formed.
 */
export function enpsDrivers(responses: readonly StoredAnswers[], minimum: number, options: BootstrapOptions = {}): Drivers | null {
  const predictors: number[][] = [];
  const outcome: number[] = [];
  for (const response of responses) {
    const enps = response.answers[ENPS_ITEM_ID];
    if (!isAnswer(enps, 0, 10)) continue;
    const q = questionnaireVersion(response.questionnaireVersion);
    const scores = constructs.map((c) => constructMean(q, c, response));
    if (scores.some((s) => s === null)) continue;
    predictors.push(scores as number[]);
    outcome.push(enps);
  }
  if (predictors.length < minimum) return null;
  const result = relativeWeightsWithIntervals(predictors, outcome, options);
  if (!result) return null;
  return {
    n: result.n,
    rSquared: result.rSquared,
    weights: constructs.map((construct, j) => ({ construct, weight: result.weights[j]!, ci: result.intervals[j] ?? null })),
  };
}
