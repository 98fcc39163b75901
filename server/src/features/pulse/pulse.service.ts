import type { Database } from '@pulse/db';
import { questionnaires, questionnaireVersion, type ErrorDetail, type Questionnaire } from '@pulse/shared';
import { PULSE_COMMENT_MAX_LENGTH, type Pulse, type PulseSubmission } from '@pulse/shared/api/pulse';
import type { Kysely } from 'kysely';
import { ApiError, badRequest, conflict, notFound } from '../../errors.js';
import { hashToken } from '../../plugins/auth.js';
import { claimAndStoreResponse, findByTokenHash, type TokenTarget } from './pulse.repository.js';

const alreadyAnswered = () => conflict('This link has already been used to answer the pulse.');
const closed = () => new ApiError(410, 'gone', 'This pulse has closed.');

const isOpen = (target: TokenTarget, now: Date) => target.status === 'open' && target.closesAt > now;

/** The token's target, checked in API.md's order: unknown 404, answered 409, closed 410. */
async function usableTarget(db: Kysely<Database>, tokenHash: string, now: Date): Promise<TokenTarget> {
  const target = await findByTokenHash(db, tokenHash);
  if (!target) throw notFound('Pulse link');
  if (target.answered) throw alreadyAnswered();
  if (!isOpen(target, now)) throw closed();
  return target;
}

/** One details entry per missing, out-of-range or unknown answer (`answers.<itemId>`). */
export function answerProblems(questionnaire: Questionnaire, answers: Readonly<Record<string, number>>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const known = new Set<string>();
  for (const item of questionnaire.items) {
    known.add(item.id);
    const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    const { min, max } = item.scale;
    if (value === undefined) problems.push({ path: `answers.${item.id}`, message: 'is required' });
    else if (value < min || value > max) problems.push({ path: `answers.${item.id}`, message: `must be from ${min} to ${max}` });
  }
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ path: `answers.${id}`, message: 'is not a question of this pulse' });
  }
  return problems;
}

/** GET /pulse/:token: the cycle, the team's name and the questionnaire to answer. */
export async function getPulse(db: Kysely<Database>, token: string, now: Date): Promise<Pulse> {
  const target = await usableTarget(db, hashToken(token), now);
  return {
    cycle: { id: target.cycleId, label: target.label, closesAt: target.closesAt.toISOString() },
    team: { name: target.teamName },
    questionnaire: questionnaireVersion(target.questionnaireVersion),
    commentMaxLength: PULSE_COMMENT_MAX_LENGTH,
  };
}

/** The one questionnaire version these answers fully and validly answer, if exactly one does. */
function versionAnswered(answers: Readonly<Record<string, number>>): Questionnaire | undefined {
  const valid = [...questionnaires.values()].filter((q) => answerProblems(q, answers).length === 0);
  return valid.length === 1 ? valid[0] : undefined;
}

/** The answers in the questionnaire's order, whatever order the page sent them in. */
const orderedAnswers = (questionnaire: Questionnaire, answers: Readonly<Record<string, number>>) =>
  JSON.stringify(Object.fromEntries(questionnaire.items.map((item) => [item.id, answers[item.id]])));

/**
 * POST /pulse/:token: stores the answers once. Throws 404/409/410 as `getPulse` does, 400
 * with per-field details for bad answers; in every failure nothing is written.
 * The common case costs one statement: answers that fit exactly one questionnaire version are
 * claimed and stored at once for a cycle of that version. Anything else (and any failure of
 * that statement) takes the checks in API.md's order, so the answers stay the same.
 */
export async function submitPulse(db: Kysely<Database>, token: string, submission: PulseSubmission, now: Date): Promise<void> {
  const tokenHash = hashToken(token);
  const comment = submission.comment?.trim() || null;
  const guess = versionAnswered(submission.answers);
  if (guess && (await claimAndStoreResponse(db, tokenHash, guess.version, orderedAnswers(guess, submission.answers), comment, now))) return;
  const target = await usableTarget(db, tokenHash, now);
  const questionnaire = questionnaireVersion(target.questionnaireVersion);
  const problems = answerProblems(questionnaire, submission.answers);
  if (problems.length) throw badRequest('Some answers are missing or not valid.', problems);
  const answers = orderedAnswers(questionnaire, submission.answers);
  if (questionnaire !== guess && (await claimAndStoreResponse(db, tokenHash, questionnaire.version, answers, comment, now))) return;
  // Someone else won the race (same link, or the cycle closed meanwhile): say which.
  await usableTarget(db, tokenHash, now);
  throw alreadyAnswered();
}
