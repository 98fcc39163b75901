/**
 * Seeded synthetic pulse data: item-level answers (integers on each item's scale) per
 * respondent, from latent team means plus person and item noise. Each team draws from its own
 * random stream, so a team's data does not change when other teams are added.
 */
import { createRandom, deriveSeed, type Random } from '../insights/random.js';
import type { TeamRef } from '../insights/tree.js';
import { currentQuestionnaire, type Item, type Questionnaire } from '../questionnaire.js';
import { partnerWorld, randomLinks, type PartnerLink, type SimRating } from './partners.js';
import type { PartnerSpec, PatternSpec, Scenario } from './scenario.js';

/** Latent dimensions: satisfaction and frustration of each need, and openness behaviour. */
const latents = [
  'autonomy.satisfaction',
  'autonomy.frustration',
  'competence.satisfaction',
  'competence.frustration',
  'relatedness.satisfaction',
  'relatedness.frustration',
  'openness.behaviour',
] as const;
const K = latents.length;
const latentOf = (item: Item) => latents.indexOf(`${item.construct}.${item.facet}` as (typeof latents)[number]);
const isFrustration = (k: number) => latents[k]!.endsWith('frustration');

export interface SimTeam {
  id: string;
  parentId: string | null;
  size: number;
  responseRate: number;
  pattern: PatternSpec['pattern'];
  /** First cycle (0-based, of the organisation) of the drift, when the pattern has one. */
  onset: number | null;
  /** The team's first cycle (0 unless it joined mid-way). */
  joined: number;
  /** A one-time level change: its cycle and signed size in scale points. */
  step: { at: number; size: number } | null;
}

export interface SimCycle {
  cycleIndex: number;
  cycleId: string;
  /** Per team: invited members and one answer map per respondent. */
  teams: Map<string, { invited: number; answers: Record<string, number>[] }>;
  /** The cycle's partner ratings, when the scenario has partners. */
  partners?: SimRating[];
}

export interface GeneratedScenario {
  /** The hierarchy: departments (no members) and teams. */
  hierarchy: TeamRef[];
  /** The teams with members, and the truth about each. */
  teams: SimTeam[];
  questionnaire: Questionnaire;
  /** The customer map, when the scenario has partners. */
  partnerLinks?: PartnerLink[];
  /** The hierarchy as it stands at cycle t: teams that have not joined yet are not in it. */
  hierarchyAt(t: number): TeamRef[];
  /** Yields every cycle in order; call again for a fresh, identical pass. */
  cycles(): Generator<SimCycle>;
}

/** Largest-remainder split of `total` teams over the pattern shares, then a seeded shuffle. */
function assignPatterns(s: Scenario, random: Random): PatternSpec[] {
  const exact = s.patterns.map((p) => p.share * s.teams);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < s.teams; i++) counts[order[i % order.length]![1]]!++;
  const list = s.patterns.flatMap((p, i) => Array.from({ length: counts[i]! }, () => p));
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

const ramp = (t: number, start: number, length: number) => Math.min(1, Math.max(0, (t - start + 1) / length));

/** Shift of each latent mean (scale points) at cycle t for a pattern with its drawn onset. */
function shiftAt(p: PatternSpec, onset: number, t: number, out: Float64Array): void {
  out.fill(0);
  switch (p.pattern) {
    case 'stable':
    case 'stable-noisy':
      return;
    case 'fortress': {
      const r = ramp(t, onset, p.rampCycles) * p.drop;
      out[4] = -r; // relatedness satisfaction
      out[5] = r; // relatedness frustration (feeling an outsider)
      out[6] = -r; // openness
      if (p.pressureLead > 0) {
        const q = ramp(t, onset - p.pressureLead, p.rampCycles) * p.pressureRise;
        out[1] = q;
        out[3] = q;
      }
      return;
    }
    case 'pressure-only': {
      const r = ramp(t, onset, p.rampCycles) * p.rise;
      out[1] = r;
      out[3] = r;
      return;
    }
    case 'recovery': {
      const down = ramp(t, onset, p.rampCycles);
      const up = ramp(t, onset + p.rampCycles + p.holdCycles, p.rampCycles);
      const r = (down - up) * p.drop;
      out[4] = -r;
      out[5] = r;
      out[6] = -r;
      return;
    }
  }
}

/**
 * How partners see a team's responsiveness move at cycle t (scale points): a fortress or a
 * recovering team's fall, `lead` cycles early, by the partner spec's drop or the pattern's own.
 */
export function partnerShift(p: PatternSpec, onset: number, t: number, spec: Pick<PartnerSpec, 'drop' | 'lead'>): number {
  if (p.pattern !== 'fortress' && p.pattern !== 'recovery') return 0;
  const start = onset - spec.lead;
  const drop = spec.drop ?? p.drop;
  const down = ramp(t, start, p.rampCycles);
  const up = p.pattern === 'recovery' ? ramp(t, start + p.rampCycles + p.holdCycles, p.rampCycles) : 0;
  return -(down - up) * drop;
}

/** An item as the generator answers it: its latent dimension and its scale. */
interface GeneratorItem {
  id: string;
  latent: number;
  /** Openness's reverse item ("keeps other groups at arm's length") agrees as openness falls. */
  mirrored: boolean;
  min: number;
  max: number;
}

/** A team's state through the cycles: its random stream, latent means and members' persistent effects. */
interface TeamState {
  r: Random;
  means: Float64Array;
  people: Float64Array[];
  pattern: PatternSpec;
  onset: number;
}

/**
 * The scenario's teams (with departments above them when it has any) and each team's drift
 * onset, from each team's own random stream.
 */
function placeTeams(s: Scenario, patterns: readonly PatternSpec[]): { hierarchy: TeamRef[]; teams: SimTeam[]; onsets: number[] } {
  const width = String(s.teams).length;
  const hierarchy: TeamRef[] = [];
  const teams: SimTeam[] = [];
  const onsets: number[] = [];
  patterns.forEach((p, i) => {
    const r = createRandom(deriveSeed(s.seed, 1, i));
    let parentId: string | null = null;
    if (s.teamsPerDepartment > 0) {
      const d = Math.floor(i / s.teamsPerDepartment);
      parentId = `dept-${String(d + 1).padStart(width, '0')}`;
      if (i % s.teamsPerDepartment === 0) hierarchy.push({ id: parentId, parentId: null });
    }
    const id = `team-${String(i + 1).padStart(width, '0')}`;
    const relative = 'onset' in p ? r.int(p.onset.min, p.onset.max) : null;
    const size = r.int(s.teamSize.min, s.teamSize.max);
    const responseRate = s.responseRate.min + r.next() * (s.responseRate.max - s.responseRate.min);
    // Drawn after the original draws, so a scenario without these options keeps its teams.
    const joined = s.joining && r.chance(s.joining.share) ? r.int(s.joining.at.min, s.joining.at.max) : 0;
    const step =
      s.steps && r.chance(s.steps.share)
        ? { at: joined + r.int(s.steps.at.min, s.steps.at.max), size: (r.chance(0.5) ? 1 : -1) * s.steps.size }
        : null;
    const onset = relative === null ? null : joined + relative;
    onsets.push(onset ?? 0);
    hierarchy.push({ id, parentId });
    teams.push({ id, parentId, size, responseRate, pattern: p.pattern, onset, joined, step });
  });
  return { hierarchy, teams, onsets };
}

/** The hierarchy at cycle t: one array per set of joined teams, so the engine builds each tree once. */
function hierarchyByCycle(hierarchy: readonly TeamRef[], teams: readonly SimTeam[]): (t: number) => TeamRef[] {
  const hierarchies = new Map<number, TeamRef[]>();
  const joinedById = new Map(teams.map((t) => [t.id, t.joined]));
  return (t: number): TeamRef[] => {
    const key = Math.max(0, ...teams.map((team) => (team.joined <= t ? team.joined : 0)));
    let list = hierarchies.get(key);
    if (!list) hierarchies.set(key, (list = hierarchy.filter((ref) => (joinedById.get(ref.id) ?? 0) <= t)));
    return list;
  };
}

/** The questionnaire's items placed on their latent dimensions; throws on an item the generator cannot place. */
function generatorItems(questionnaire: Questionnaire): GeneratorItem[] {
  const items = questionnaire.items.map((item) => ({
    id: item.id,
    latent: latentOf(item),
    mirrored: item.facet === 'behaviour' && item.reverse,
    min: item.scale.min,
    max: item.scale.max,
  }));
  if (items.some((i) => i.latent < 0)) throw new Error('Questionnaire has an item the generator cannot place');
  return items;
}

/** Team i's starting state, from its own random stream: latent means, then each person's general tone and effects. */
function initialState(s: Scenario, team: SimTeam, i: number, pattern: PatternSpec, onset: number): TeamState {
  const r = createRandom(deriveSeed(s.seed, 2, i));
  const means = Float64Array.from(latents, (_, k) => {
    const level = isFrustration(k) ? s.levels.frustration : k === 6 ? s.levels.openness : s.levels.satisfaction;
    return level + s.noise.betweenTeam * r.normal();
  });
  // A person's general tone (g) lifts satisfaction and openness and lowers frustration.
  const people = Array.from({ length: team.size }, () => {
    const g = r.normal();
    return Float64Array.from(latents, (_, k) => s.noise.person * (0.6 * g * (isFrustration(k) ? -1 : 1) + 0.8 * r.normal()));
  });
  return { r, means, people, pattern, onset };
}

/**
 * One team's answers in cycle t: its pattern's shift and a step once it came, the cycle's mood,
 * then each respondent's rounded, clamped answer per item. `shift` and `mood` are scratch buffers.
 */
function teamAnswers(
  s: Scenario,
  team: SimTeam,
  st: TeamState,
  items: readonly GeneratorItem[],
  t: number,
  shift: Float64Array,
  mood: Float64Array,
): Record<string, number>[] {
  shiftAt(st.pattern, st.onset, t, shift);
  if (team.step && t >= team.step.at) for (let k = 0; k < K; k++) shift[k]! += isFrustration(k) ? -team.step.size : team.step.size;
  const extra = st.pattern.pattern === 'stable-noisy' ? st.pattern.cycleNoise : 0;
  const sd = Math.sqrt(s.noise.cycle ** 2 + extra ** 2);
  for (let k = 0; k < K; k++) mood[k] = sd * st.r.normal();
  const answers: Record<string, number>[] = [];
  for (const person of st.people) {
    if (!st.r.chance(team.responseRate)) continue;
    const a: Record<string, number> = {};
    for (const item of items) {
      const k = item.latent;
      let x = st.means[k]! + shift[k]! + mood[k]! + person[k]! + s.noise.item * st.r.normal();
      if (item.mirrored) x = item.min + item.max - x;
      a[item.id] = Math.min(item.max, Math.max(item.min, Math.round(x)));
    }
    answers.push(a);
  }
  return answers;
}

/** Builds the teams of a scenario and a generator of its cycles' answers. */
export function generateScenario(s: Scenario, questionnaire: Questionnaire = currentQuestionnaire): GeneratedScenario {
  const setup = createRandom(deriveSeed(s.seed, 0));
  const patterns = assignPatterns(s, setup);
  const { hierarchy, teams, onsets } = placeTeams(s, patterns);
  const items = generatorItems(questionnaire);

  const partnerSpec = s.partners;
  const partnerLinks = partnerSpec
    ? randomLinks(
        teams.map((t) => t.id),
        partnerSpec,
        s.seed,
      )
    : undefined;
  const makeWorld = () =>
    partnerSpec && partnerLinks
      ? partnerWorld(
          teams.map((team, i) => ({
            id: team.id,
            size: team.size,
            shift: (t: number) => partnerShift(patterns[i]!, onsets[i]!, t, partnerSpec),
          })),
          partnerLinks,
          partnerSpec,
          { seed: s.seed, betweenTeam: s.noise.betweenTeam, cycleNoise: s.noise.cycle },
        )
      : undefined;

  function* cycles(): Generator<SimCycle> {
    const world = makeWorld();
    const state = teams.map((team, i) => initialState(s, team, i, patterns[i]!, onsets[i]!));
    const shift = new Float64Array(K);
    const mood = new Float64Array(K);
    for (let t = 0; t < s.cycles; t++) {
      const byTeam = new Map<string, { invited: number; answers: Record<string, number>[] }>();
      teams.forEach((team, i) => {
        if (t < team.joined) return; // not in the organisation yet
        byTeam.set(team.id, { invited: team.size, answers: teamAnswers(s, team, state[i]!, items, t, shift, mood) });
      });
      const cycle: SimCycle = { cycleIndex: t, cycleId: `c${String(t + 1).padStart(3, '0')}`, teams: byTeam };
      if (world) cycle.partners = world.ratings(t, new Map([...byTeam].map(([id, team]) => [id, team.answers.length])));
      yield cycle;
    }
  }

  return {
    hierarchy,
    teams,
    questionnaire,
    ...(partnerLinks ? { partnerLinks } : {}),
    hierarchyAt: hierarchyByCycle(hierarchy, teams),
    cycles,
  };
}
