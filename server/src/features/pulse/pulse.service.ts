import type { Database } from '@pulse/db';
import { acceptLanguageTags, firstSpoken, type ErrorDetail, type Language, type Questionnaire } from '@pulse/shared';
import { extraText, localiseQuestionnaire, localiseScale, valueStatementIn } from '@pulse/shared/questionnaire-texts/index';
import { partnerItems } from '@pulse/shared/api/partners';
import { actionItem, type PulseAction } from '@pulse/shared/api/actions';
import { PULSE_COMMENT_MAX_LENGTH, type Pulse, type PulseSubmission } from '@pulse/shared/api/pulse';
import { valuesItem, type TeamValue } from '@pulse/shared/api/values';
import type { Kysely } from 'kysely';
import { ApiError, badRequest, conflict, notFound } from '../../errors.js';
import { hashToken, newToken } from '../../plugins/auth.js';
import { chooseLanguage } from '../../i18n/language.js';
import { actionsForPulse } from '../actions/actions.service.js';
import { partnersForRespondent } from '../partners/partners.service.js';
import { questionnaireFor, unscopedQuestionnaires } from '../questionnaire/questionnaire.service.js';
import { getDefaultLanguage } from '../settings/settings.service.js';
import { valuesOf } from '../values/values.service.js';
import { claimAndStoreResponse, findByTokenHash, type ResponseExtras, type TokenTarget } from './pulse.repository.js';

/** Rewrites a cycle's answered invitations and responses so their order and time say nothing (closing, and daily while open). */
export { blurAnswerTrail } from './pulse.repository.js';

const alreadyAnswered = () => conflict('pulse.answered');
const closed = () => new ApiError(410, 'gone', 'pulse.closed');

const isOpen = (target: TokenTarget, now: Date) => target.status === 'open' && target.closesAt > now;

/**
 * The link's target whatever its state (answered or not, open or closed): for the results page,
 * which must look the same either way. Unknown: 404, as the pulse routes.
 */
export async function linkTarget(db: Kysely<Database>, token: string): Promise<TokenTarget> {
  const target = await findByTokenHash(db, hashToken(token));
  if (!target) throw notFound('pulseLink');
  return target;
}

/** The token's target, checked in the contract's order (shared/src/api/pulse.ts): unknown 404, answered 409, closed 410. */
async function usableTarget(db: Kysely<Database>, tokenHash: string, now: Date): Promise<TokenTarget> {
  const target = await findByTokenHash(db, tokenHash);
  if (!target) throw notFound('pulseLink');
  if (target.answered) throw alreadyAnswered();
  if (!isOpen(target, now)) throw closed();
  return target;
}

/** The construct items, then eNPS and HR's questions: every one must be answered. */
const allItems = (q: Questionnaire) => [...q.items, ...(q.extraItems ?? [])];

/** One details entry per missing, out-of-range or unknown answer (`answers.<itemId>`). */
export function answerProblems(questionnaire: Questionnaire, answers: Readonly<Record<string, number>>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const known = new Set<string>();
  for (const item of allItems(questionnaire)) {
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

/** What this respondent is asked beyond the questionnaire: their team's values, its providers and its actions in progress. */
async function extrasFor(
  db: Kysely<Database>,
  target: TokenTarget,
): Promise<{ values: TeamValue[]; partners: { id: string; name: string }[]; actions: PulseAction[] }> {
  const [values, partners, actions] = await Promise.all([
    valuesOf(db, target.teamId),
    partnersForRespondent(db, target),
    actionsForPulse(db, target.teamId),
  ]);
  return { values, partners, actions };
}

/** Who is asking, for the language: `?lang=` and the browser's `Accept-Language`. */
export interface LanguageRequest {
  lang?: Language;
  acceptLanguage?: string;
}

/**
 * GET /pulse/:token: the cycle, the team's name, the questionnaire, its values item and the
 * partners to rate, all in one language: `?lang=`, else the member's own, else the browser's,
 * else the organisation's. Answers are stored by item id, so the language changes no score.
 */
export async function getPulse(db: Kysely<Database>, token: string, now: Date, asked: LanguageRequest = {}): Promise<Pulse> {
  const target = await usableTarget(db, hashToken(token), now);
  const [extras, organisationDefault] = await Promise.all([extrasFor(db, target), getDefaultLanguage(db)]);
  const language = chooseLanguage([asked.lang, target.memberLanguage], asked.acceptLanguage, organisationDefault);
  return {
    cycle: { id: target.cycleId, label: target.label, closesAt: target.closesAt.toISOString() },
    team: { name: target.teamName },
    language,
    questionnaire: localiseQuestionnaire(await questionnaireFor(db, target.questionnaireVersion, target.teamId), language),
    commentMaxLength: PULSE_COMMENT_MAX_LENGTH,
    partners: extras.partners.map((p) => ({
      teamId: p.id,
      name: p.name,
      items: partnerItems.map((item) => ({ ...item, text: extraText(item.id, language), scale: localiseScale(item.scale, language) })),
    })),
    actions: extras.actions.map((a) => ({
      ...a,
      item: {
        ...a.item,
        text: extraText('action', language),
        scale: localiseScale(a.item.scale, language),
        notNoticed: extraText('notNoticed', language),
      },
    })),
    values: extras.values.length
      ? {
          statements: extras.values.map((v) => valueStatementIn(v, language)),
          item: { id: valuesItem.id, text: extraText(valuesItem.id, language), scale: localiseScale(valuesItem.scale, language) },
        }
      : null,
  };
}

const inScale = (value: number | undefined, scale: { min: number; max: number }) =>
  value !== undefined && value >= scale.min && value <= scale.max;

/** The values item: required when the team has values, unknown otherwise. */
function valuesProblems(answer: number | undefined, hasValues: boolean): ErrorDetail[] {
  const path = `answers.${valuesItem.id}`;
  if (!hasValues) return answer === undefined ? [] : [{ path, message: 'is not a question of this pulse' }];
  if (answer === undefined) return [{ path, message: 'is required' }];
  return inScale(answer, valuesItem.scale) ? [] : [{ path, message: `must be from ${valuesItem.scale.min} to ${valuesItem.scale.max}` }];
}

/**
 * Partner answers: only for the teams this pulse asks about; a team answered at all needs both
 * items on their scale. A team left out (or sent empty) was not asked this month.
 */
function partnerProblems(partnerAnswers: PulseSubmission['partnerAnswers'], offered: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const [teamId, answers] of Object.entries(partnerAnswers ?? {})) {
    const path = `partnerAnswers.${teamId}`;
    if (!offered.has(teamId)) {
      problems.push({ path, message: 'is not a team this pulse asks about' });
      continue;
    }
    if (Object.keys(answers).length === 0) continue;
    for (const item of partnerItems) {
      const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
      if (value === undefined) problems.push({ path: `${path}.${item.id}`, message: 'is required, or leave the team out' });
      else if (!inScale(value, item.scale))
        problems.push({ path: `${path}.${item.id}`, message: `must be from ${item.scale.min} to ${item.scale.max}` });
    }
    for (const id of Object.keys(answers)) {
      if (!partnerItems.some((i) => i.id === id)) problems.push({ path: `${path}.${id}`, message: 'is not a question of this pulse' });
    }
  }
  return problems;
}

/** Action answers: only for the actions this pulse asks about, each on the item's scale. Left out: "Not noticed yet". */
function actionProblems(actionAnswers: PulseSubmission['actionAnswers'], offered: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const [actionId, answer] of Object.entries(actionAnswers ?? {})) {
    const path = `actionAnswers.${actionId}`;
    if (!offered.has(actionId)) problems.push({ path, message: 'is not an action this pulse asks about' });
    else if (!inScale(answer, actionItem.scale))
      problems.push({ path, message: `must be from ${actionItem.scale.min} to ${actionItem.scale.max}` });
  }
  return problems;
}

/** The one questionnaire version these answers fully and validly answer, if exactly one does. */
async function versionAnswered(db: Kysely<Database>, answers: Readonly<Record<string, number>>): Promise<Questionnaire | undefined> {
  const valid = (await unscopedQuestionnaires(db)).filter((q) => answerProblems(q, answers).length === 0);
  return valid.length === 1 ? valid[0] : undefined;
}

/** The answers in the questionnaire's order, whatever order the page sent them in; `extra` after them. */
const orderedAnswers = (questionnaire: Questionnaire, answers: Readonly<Record<string, number>>, extra: Record<string, number> = {}) =>
  JSON.stringify({ ...Object.fromEntries(allItems(questionnaire).map((item) => [item.id, answers[item.id]])), ...extra });

/**
 * POST /pulse/:token: stores the answers once, and counts the language the page was read in
 * (`asked`, chosen as `getPulse` chooses it) for the cycle only. Throws 404/409/410 as `getPulse` does, 400
 * with per-field details for bad answers; in every failure nothing is written.
 * The common case costs one statement: answers that fit exactly one questionnaire version are
 * claimed and stored at once for a cycle of that version. Anything else (and any failure of
 * that statement) takes the checks in the contract's order, so the answers stay the same.
 */
export async function submitPulse(
  db: Kysely<Database>,
  token: string,
  submission: PulseSubmission,
  now: Date,
  asked: LanguageRequest = {},
): Promise<{ conversation?: { token: string } }> {
  const tokenHash = hashToken(token);
  // The language the page was read in, counted per cycle by the claim (never on the response).
  const answeredIn = { lang: asked.lang, browser: firstSpoken(acceptLanguageTags(asked.acceptLanguage)) };
  const comment = submission.comment?.trim() || null;
  // A comment opens an anonymous conversation: its token is made here, stored only as a hash on
  // the response row, and handed back once.
  const conversationToken = comment ? newToken() : null;
  const received = conversationToken ? { conversation: { token: conversationToken } } : {};
  const written = { comment, conversationHash: conversationToken ? hashToken(conversationToken) : null };
  // Partner ratings need the partners this link asks about, so only plain answers take the fast path
  // (which also refuses a team with values: their item is then missing).
  const plain = Object.keys(submission.partnerAnswers ?? {}).length === 0 && Object.keys(submission.actionAnswers ?? {}).length === 0;
  const guess = plain ? await versionAnswered(db, submission.answers) : undefined;
  if (
    guess &&
    (await claimAndStoreResponse(
      db,
      tokenHash,
      guess.version,
      orderedAnswers(guess, submission.answers),
      written,
      now,
      undefined,
      answeredIn,
    ))
  )
    return received;
  const target = await usableTarget(db, tokenHash, now);
  const questionnaire = await questionnaireFor(db, target.questionnaireVersion, target.teamId);
  const extras = await extrasFor(db, target);
  const { [valuesItem.id]: aligned, ...core } = submission.answers;
  const problems = [
    ...answerProblems(questionnaire, core),
    ...valuesProblems(aligned, extras.values.length > 0),
    ...partnerProblems(submission.partnerAnswers, new Set(extras.partners.map((p) => p.id))),
    ...actionProblems(submission.actionAnswers, new Set(extras.actions.map((a) => a.id))),
  ];
  if (problems.length) throw badRequest('pulse.invalidAnswers', problems);
  const stored: ResponseExtras = {
    withValues: extras.values.length > 0,
    partners: Object.entries(submission.partnerAnswers ?? {})
      .filter(([, answers]) => Object.keys(answers).length > 0)
      .map(([provider, answers]) => ({ provider, answers: Object.fromEntries(partnerItems.map((i) => [i.id, answers[i.id]!])) })),
    actions: Object.entries(submission.actionAnswers ?? {}).map(([action, answer]) => ({ action, answer })),
  };
  const answers = orderedAnswers(questionnaire, core, aligned === undefined ? {} : { [valuesItem.id]: aligned });
  const sameAsFastPath = questionnaire.version === guess?.version && !stored.withValues && stored.actions!.length === 0;
  if (!sameAsFastPath && (await claimAndStoreResponse(db, tokenHash, questionnaire.version, answers, written, now, stored, answeredIn)))
    return received;
  // Someone else won the race (same link, or the cycle closed meanwhile): say which.
  await usableTarget(db, tokenHash, now);
  throw alreadyAnswered();
}
