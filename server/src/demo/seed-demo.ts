import type { Database } from '@pulse/db';
import type { Language } from '@pulse/shared';
import { deriveSeed } from '@pulse/shared/insights';
import { generateScenario, partnerShift, partnerWorld, type PartnerLink } from '@pulse/shared/simulation';
import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../plugins/auth.js';
import { hashPassword } from '../features/auth/password.js';
import { closeCycle, createCycle, openCycle } from '../features/cycles/cycles.service.js';
import { deliverInvitations, type MailContext } from '../features/cycles/invitations.service.js';
import { deliverDigests } from '../features/digests/digests.service.js';
import type { ThresholdSettings } from '../features/settings/settings.service.js';
import { seedDemoActions } from './demo-actions.js';
import { addDemoEnps, DEMO_QUESTION_CYCLES, demoQuestionAnswer, seedDemoQuestion } from './demo-instrument.js';
import { currentVersion } from '../features/questionnaire/questionnaire.service.js';
import { seedDemoConversation } from './demo-conversation.js';
import { seedDemoResults } from './demo-results.js';
import {
  DEMO_CYCLES,
  demoAccounts,
  demoComments,
  demoCustomerMap,
  demoOrganisation,
  demoValues,
  type DemoTeam,
} from './demo-organisation.js';

const SEED = 20_261_128;
const firstNames = [
  'Alex',
  'Sam',
  'Noor',
  'Kai',
  'Mira',
  'Jonas',
  'Ines',
  'Tomás',
  'Yuki',
  'Amara',
  'Leo',
  'Freya',
  'Omar',
  'Priya',
  'Lukas',
  'Zoe',
];
const lastNames = [
  'Berg',
  'Costa',
  'Dahl',
  'Evans',
  'Fischer',
  'Garcia',
  'Haas',
  'Ito',
  'Jensen',
  'Khan',
  'Lund',
  'Moreau',
  'Novak',
  'Okafor',
];

export interface DemoSummary {
  teams: number;
  members: number;
  cycles: number;
  responses: number;
  partnerRatings: number;
  /** A Legal member's pulse link token of the last closed pulse: it opens the team's results. */
  resultsToken: string;
  /** The private conversation token of a Legal comment with three messages: it opens `/c/<token>`. */
  conversationToken: string;
}

interface PlacedTeam {
  id: string;
  spec: DemoTeam;
  memberIds: string[];
  /** Generated answers per cycle for this team's own members. */
  answers: Record<string, number>[][];
}

/** True when the database already holds people or teams: the demo never mixes with real data. */
export async function hasData(db: Kysely<Database>): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const team = await db.selectFrom('teams').select('id').limit(1).executeTakeFirst();
  return Boolean(user || team);
}

/** The first Monday of the month `back` months before `now`, 09:00 UTC. */
function monthStart(now: Date, back: number): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1, 9));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

const demoLevels = { satisfaction: 3.8, frustration: 2.2, openness: 3.8 };

/**
 * The customer map and a generator of each cycle's partner ratings: the simulation's rating
 * process, in which a fortress team's customers see its responsiveness fall as it retreats.
 */
function demoPartners(placed: readonly PlacedTeam[]) {
  const byName = new Map(placed.map((p) => [p.spec.name, p]));
  const links: PartnerLink[] = demoCustomerMap.map((l) => ({
    providerId: byName.get(l.provider)!.id,
    customerId: byName.get(l.customer)!.id,
    relationship: l.relationship,
  }));
  const spec = {
    customersPerTeam: { min: 0, max: 0 },
    askedShare: 0.7,
    maxPerPulse: 3,
    level: demoLevels.openness,
    noise: { pair: 0.3, person: 0.5, item: 0.7 },
    lead: 0,
  };
  const teams = placed.map((p) => ({
    id: p.id,
    size: p.memberIds.length,
    shift: (t: number) =>
      'onset' in p.spec.pattern ? partnerShift(p.spec.pattern, p.spec.pattern.onset.min, t, { lead: 0, drop: p.spec.partnerDrop }) : 0,
  }));
  return { links, world: partnerWorld(teams, links, spec, { seed: deriveSeed(SEED, 99), betweenTeam: 0.25, cycleNoise: 0.05 }) };
}

/** Each team's own answers for every cycle, from the simulation's generator and its pattern. */
function generateAnswers(spec: DemoTeam, index: number): Record<string, number>[][] {
  const generated = generateScenario({
    name: spec.name,
    seed: deriveSeed(SEED, index),
    cycles: DEMO_CYCLES,
    teams: 1,
    teamSize: { min: spec.size, max: spec.size },
    responseRate: { min: 0.75, max: 0.9 },
    teamsPerDepartment: 0,
    threshold: 5,
    levels: demoLevels,
    noise: { betweenTeam: 0.25, person: 0.5, item: 0.7, cycle: 0.05 },
    patterns: [spec.pattern],
  });
  const answers = [...generated.cycles()].map((cycle) => [...cycle.teams.values()][0]!.answers);
  // A team with values answers the alignment item too: here it follows "my work reflects what I value".
  if (demoValues[spec.name]) for (const cycle of answers) for (const a of cycle) a.val_aligned = a.aut_values!;
  addDemoEnps(answers, deriveSeed(SEED, index));
  return answers;
}

/** A team arriving later, placed in the cycle it joins, so no earlier cycle's hierarchy holds it. */
interface JoiningTeam {
  spec: DemoTeam;
  parentId: string | null;
  language: Language | null;
}

/** The demo's members of one team, named in turn from the first and last names after the `before` already placed. */
function demoMembers(spec: DemoTeam, teamId: string, language: Language | null, before: number) {
  return Array.from({ length: spec.size }, (_, i) => {
    const person = before + i;
    const first = firstNames[person % firstNames.length]!;
    const last = lastNames[Math.floor(person / firstNames.length) % lastNames.length]!;
    return {
      email: `${first}.${last}.${person + 1}@demo.example`.toLowerCase().replace('á', 'a'),
      name: `${first} ${last}`,
      role: 'member' as const,
      team_id: teamId,
      language,
    };
  });
}

/** Places the organisation's teams with their members, each with its generated answers; teams that join later wait in `joining`. */
class DemoPlacement {
  readonly placed: PlacedTeam[] = [];
  readonly joining: JoiningTeam[] = [];
  people = 0;

  constructor(private readonly db: Kysely<Database>) {}

  async place(spec: DemoTeam, parentId: string | null, joinsNow = false, inherited: Language | null = null): Promise<void> {
    if (spec.joinsAt !== undefined && !joinsNow) {
      this.joining.push({ spec, parentId, language: inherited });
      return;
    }
    const language = spec.language ?? inherited;
    const team = await this.db
      .insertInto('teams')
      .values({ name: spec.name, parent_id: parentId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const members = demoMembers(spec, team.id, language, this.people);
    this.people += members.length;
    const rows = members.length ? await this.db.insertInto('users').values(members).returning('id').execute() : [];
    this.placed.push({ id: team.id, spec, memberIds: rows.map((r) => r.id), answers: generateAnswers(spec, this.placed.length) });
    for (const child of spec.children ?? []) await this.place(child, team.id, false, language);
  }

  /** The teams joining in cycle `t`. */
  async placeJoining(t: number): Promise<void> {
    for (const { spec, parentId, language } of this.joining) if (spec.joinsAt === t) await this.place(spec, parentId, true, language);
  }
}

/** The demo accounts: admin and HR, and the leaders of their teams. */
async function seedAccounts(db: Kysely<Database>, placed: readonly PlacedTeam[]): Promise<void> {
  const passwordHash = await hashPassword(demoAccounts.password);
  const { admin, hr, leaders } = demoAccounts;
  await db
    .insertInto('users')
    .values([admin, hr].map((a, i) => ({ ...a, role: i === 0 ? ('admin' as const) : ('hr' as const), password_hash: passwordHash })))
    .execute();
  for (const leader of leaders) {
    const user = await db
      .insertInto('users')
      .values({ email: leader.email, name: leader.name, role: 'leader', password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    const team = placed.find((p) => p.spec.name === leader.leads)!;
    await db.insertInto('team_leaders').values({ team_id: team.id, user_id: user.id }).execute();
  }
}

/** The customer map and the teams' values. */
async function seedPartnersAndValues(db: Kysely<Database>, placed: readonly PlacedTeam[], links: readonly PartnerLink[]): Promise<void> {
  await db
    .insertInto('team_customers')
    .values(links.map((l) => ({ provider_team_id: l.providerId, customer_team_id: l.customerId, relationship: l.relationship })))
    .execute();
  for (const [name, values] of Object.entries(demoValues)) {
    const team = placed.find((p) => p.spec.name === name)!;
    await db
      .insertInto('team_values')
      .values(values.map((v, i) => ({ team_id: team.id, position: i + 1, ...v })))
      .execute();
  }
}

/** One closed cycle's answering, before its close. */
interface DemoCycle {
  t: number;
  id: string;
  opensAt: Date;
  version: number;
  /** HR's own question, once it was added. */
  question: string | null;
}

/** One team's invitations and responses (with its comments when the team is shown) in a cycle; returns how many responded. */
async function seedTeamAnswers(db: Kysely<Database>, cycle: DemoCycle, team: PlacedTeam, threshold: number): Promise<number> {
  const answers = team.answers[cycle.t]!;
  if (team.memberIds.length === 0) return 0;
  await db
    .insertInto('invitations')
    .values(
      team.memberIds.map((userId, i) => ({
        cycle_id: cycle.id,
        user_id: userId,
        team_id: team.id,
        token_hash: hashToken(newToken()),
        answered: i < answers.length,
        sent_at: cycle.opensAt,
      })),
    )
    .execute();
  if (answers.length === 0) return 0;
  const comments = answers.length >= threshold ? (demoComments[team.spec.name]?.[DEMO_CYCLES - 1 - cycle.t] ?? []) : [];
  const { question } = cycle;
  await db
    .insertInto('responses')
    .values(
      answers.map((a, index) => ({
        cycle_id: cycle.id,
        team_id: team.id,
        questionnaire_version: cycle.version,
        answers: JSON.stringify(question ? { ...a, [question]: demoQuestionAnswer(a) } : a),
        comment: comments[index] ?? null,
      })),
    )
    .execute();
  return answers.length;
}

/** The partner ratings of cycle `t`, by the teams' response counts; returns how many. */
async function seedPartnerRatings(
  db: Kysely<Database>,
  cycle: DemoCycle,
  placed: readonly PlacedTeam[],
  world: ReturnType<typeof demoPartners>['world'],
): Promise<number> {
  const ratings = world.ratings(cycle.t, new Map(placed.map((p) => [p.id, p.answers[cycle.t]!.length])));
  if (ratings.length) {
    await db
      .insertInto('partner_ratings')
      .values(
        ratings.map((r) => ({
          cycle_id: cycle.id,
          provider_team_id: r.providerId,
          rater_team_id: r.raterTeamId,
          answers: JSON.stringify(r.answers),
        })),
      )
      .execute();
  }
  return ratings.length;
}

/** Cycle `t` of the demo's history, opened `DEMO_CYCLES - t` months before `now`, on the questionnaire in force. */
async function insertDemoCycle(
  db: Kysely<Database>,
  t: number,
  now: Date,
  question: string | null,
): Promise<DemoCycle & { closesAt: Date }> {
  const version = await currentVersion(db);
  const opensAt = monthStart(now, DEMO_CYCLES - t);
  const closesAt = new Date(opensAt.getTime() + 7 * 86_400_000);
  const label = opensAt.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const cycle = await db
    .insertInto('cycles')
    .values({ label, opens_at: opensAt, closes_at: closesAt, status: 'open', all_teams: true, questionnaire_version: version })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { t, id: cycle.id, opensAt, closesAt, version, question };
}

/** This month's pulse, open, its invitations in the outbox: a newcomer can answer one. */
async function openCurrentCycle(ctx: MailContext, now: Date): Promise<void> {
  const current = await createCycle(ctx.db, {
    label: now.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    opensAt: new Date(now.getTime() - 60_000).toISOString(),
    closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
  });
  await openCycle(ctx.db, current.id, now);
  await deliverInvitations(ctx, now);
}

/**
 * Fills an empty database with the demo organisation: teams on three levels, members, the
 * demo accounts, 18 closed monthly cycles of synthetic answers (closed through the real
 * close path, so figures and alerts are computed as in production, with the customer map's
 * partner ratings and the alert digests it mails) and one open cycle whose invitations are
 * mailed now.
 */
export async function seedDemo(ctx: MailContext & { settings: ThresholdSettings }, now = new Date()): Promise<DemoSummary> {
  const { db } = ctx;
  const organisation = new DemoPlacement(db);
  for (const spec of demoOrganisation) await organisation.place(spec, null);
  const { placed } = organisation;
  await seedAccounts(db, placed);
  const partners = demoPartners(placed);
  await seedPartnersAndValues(db, placed, partners.links);

  let responses = 0;
  let partnerRatings = 0;
  let question: string | null = null;
  for (let t = 0; t < DEMO_CYCLES; t++) {
    await organisation.placeJoining(t);
    // HR added a question of its own six months ago: a new questionnaire version from then on.
    if (t === DEMO_CYCLES - DEMO_QUESTION_CYCLES) question = await seedDemoQuestion(db);
    const cycle = await insertDemoCycle(db, t, now, question);
    for (const team of placed) responses += await seedTeamAnswers(db, cycle, team, ctx.settings.anonymityThreshold);
    partnerRatings += await seedPartnerRatings(db, cycle, placed, partners.world);
    await closeCycle(db, cycle.id, cycle.closesAt, ctx.settings);
    // As after every close: leaders with new or escalated alerts get their digest.
    await deliverDigests(ctx, cycle.closesAt);
  }

  // Legal's answer to its fortress alert, in progress, and Mobile's finished one (demo-actions.ts).
  await seedDemoActions(db);
  // Legal's leader wrote the team a note about the last closed pulse; one member's link of it is kept.
  const resultsToken = await seedDemoResults(db);
  // One of Legal's comments has a conversation of three messages with its leader.
  const conversationToken = await seedDemoConversation(db);
  await openCurrentCycle(ctx, now);

  return {
    teams: placed.length,
    members: organisation.people,
    cycles: DEMO_CYCLES,
    responses,
    partnerRatings,
    resultsToken,
    conversationToken,
  };
}
