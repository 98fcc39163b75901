import type { Database } from '@pulse/db';
import { createRandom, deriveSeed, type Random } from '@pulse/shared/insights';
import type { Kysely } from 'kysely';
import { addItem } from '../features/questionnaire/questionnaire.service.js';

/** HR's one question of the demo, asked of everyone in the last months. */
export const demoQuestion = { text: 'I know what our team is trying to achieve this quarter.', scale: 'agreement' as const };
/** How many of the last closed pulses ask it (the earlier ones keep the version without it). */
export const DEMO_QUESTION_CYCLES = 6;

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(v)));

/** A respondent's need satisfaction on 1–5: satisfaction items as given, frustration items flipped. */
function needLevel(a: Record<string, number>): number {
  const satisfied = ['aut_say', 'aut_values', 'com_well', 'com_grow', 'rel_team', 'rel_beyond'].map((id) => a[id]!);
  const frustrated = ['aut_pushed', 'com_crowded', 'rel_outsider'].map((id) => 6 - a[id]!);
  const all = [...satisfied, ...frustrated];
  return all.reduce((s, v) => s + v, 0) / all.length;
}

/**
 * eNPS answers that follow the needs: a respondent whose needs are met is more likely to
 * recommend the team (about 3 points on 0–10 per scale point of need satisfaction, plus noise),
 * so the relative weights of the needs on eNPS mean something in the demo.
 */
export function addDemoEnps(answers: Record<string, number>[][], seed: number): void {
  const random: Random = createRandom(deriveSeed(seed, 19));
  for (const cycle of answers) for (const a of cycle) a.enps = clamp(7.4 + 3 * (needLevel(a) - 3.7) + 1.2 * random.normal(), 0, 10);
}

/** The demo question's answer: how clear the team's goals are, close to doing the work well and shared values. */
export const demoQuestionAnswer = (a: Record<string, number>): number => clamp((a.com_well! + a.ope_values! + a.aut_say!) / 3 + 0.3, 1, 5);

/** HR adds the demo question (a new questionnaire version); resolves its id. */
export async function seedDemoQuestion(db: Kysely<Database>): Promise<string> {
  const hr = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('role', '=', 'hr')
    .orderBy('email')
    .limit(1)
    .executeTakeFirstOrThrow();
  const { item } = await addItem(db, hr, demoQuestion);
  return item.id;
}
