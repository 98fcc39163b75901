/**
 * Seeded partner ratings: a customer map and, cycle by cycle, each respondent's ratings of the
 * provider teams its team relies on (at most `maxPerPulse`, rotated as the server rotates them).
 * Everything draws from its own random streams, so a scenario's pulse answers are the same with
 * or without partners, and the two runs of the simulation differ only by the partner signal.
 */
import { partnerItems } from '../api/partners.js';
import { partnersToAsk } from '../insights/partner.js';
import { createRandom, deriveSeed, type Random } from '../insights/random.js';
import type { PartnerSpec } from './scenario.js';

/** A relationship of the map: `customerId` relies on `providerId`. */
export interface PartnerLink {
  providerId: string;
  customerId: string;
  relationship: 'drive_thru' | 'strategic';
}

/** One rating as stored: the provider, the rater's team and the two items' answers. */
export interface SimRating {
  providerId: string;
  raterTeamId: string;
  answers: Record<string, number>;
}

export interface PartnerTeam {
  id: string;
  size: number;
  /** Shift of the team's latent responsiveness at cycle t, in scale points (negative: worse). */
  shift(t: number): number;
}

export interface PartnerWorld {
  links: PartnerLink[];
  /** The ratings of cycle t, given how many members of each team answered the pulse. Call in cycle order. */
  ratings(t: number, respondents: ReadonlyMap<string, number>): SimRating[];
}

/** Each team serves between min and max other teams, drawn at random; a quarter of links are strategic. */
export function randomLinks(teamIds: readonly string[], spec: PartnerSpec, seed: number): PartnerLink[] {
  const r = createRandom(deriveSeed(seed, 4));
  const links: PartnerLink[] = [];
  teamIds.forEach((providerId, i) => {
    const count = Math.min(teamIds.length - 1, r.int(spec.customersPerTeam.min, spec.customersPerTeam.max));
    const chosen = new Set<number>();
    while (chosen.size < count) {
      const j = r.int(0, teamIds.length - 1);
      if (j !== i) chosen.add(j);
    }
    for (const j of [...chosen].sort((a, b) => a - b)) {
      links.push({ providerId, customerId: teamIds[j]!, relationship: r.chance(0.25) ? 'strategic' : 'drive_thru' });
    }
  });
  return links;
}

/**
 * The rating process: latent responsiveness = level + provider effect + pair effect (provider ×
 * customer team) + rater's own tone + the provider's monthly mood + its shift; each item adds
 * fresh noise and is rounded to the 1–5 scale.
 */
export function partnerWorld(
  teams: readonly PartnerTeam[],
  links: readonly PartnerLink[],
  spec: PartnerSpec,
  options: { seed: number; betweenTeam: number; cycleNoise: number },
): PartnerWorld {
  const byId = new Map(teams.map((t, i) => [t.id, { team: t, index: i }]));
  const setup = createRandom(deriveSeed(options.seed, 5));
  const providerEffect = new Map(teams.map((t) => [t.id, options.betweenTeam * setup.normal()]));
  const pairEffect = new Map(links.map((l) => [`${l.providerId}|${l.customerId}`, spec.noise.pair * setup.normal()]));
  const providersOf = new Map<string, string[]>();
  for (const l of links) {
    let list = providersOf.get(l.customerId);
    if (!list) providersOf.set(l.customerId, (list = []));
    list.push(l.providerId);
  }
  for (const list of providersOf.values()) list.sort();
  // Per customer team: its own stream and its members' rating tone.
  const raters = new Map(
    [...providersOf.keys()].map((id) => {
      const { team, index } = byId.get(id)!;
      const r = createRandom(deriveSeed(options.seed, 6, index));
      return [id, { r, tone: Array.from({ length: team.size }, () => spec.noise.person * r.normal()) }];
    }),
  );
  const moodStreams = new Map(teams.map((t, i) => [t.id, createRandom(deriveSeed(options.seed, 7, i))]));
  const items = partnerItems.map((i) => i.id);

  return {
    links: [...links],
    ratings(t, respondents) {
      const mood = new Map(teams.map((team) => [team.id, options.cycleNoise * moodStreams.get(team.id)!.normal()]));
      const out: SimRating[] = [];
      for (const [customerId, providers] of providersOf) {
        const { r, tone } = raters.get(customerId)!;
        const answering = pick(r, tone.length, respondents.get(customerId) ?? 0);
        answering.forEach((member, rank) => {
          for (const providerId of partnersToAsk(providers, rank, t, spec.maxPerPulse)) {
            if (!r.chance(spec.askedShare)) continue; // "we did not ask them this month"
            const latent =
              spec.level +
              providerEffect.get(providerId)! +
              pairEffect.get(`${providerId}|${customerId}`)! +
              tone[member]! +
              mood.get(providerId)! +
              byId.get(providerId)!.team.shift(t);
            const answers: Record<string, number> = {};
            for (const id of items) answers[id] = Math.min(5, Math.max(1, Math.round(latent + spec.noise.item * r.normal())));
            out.push({ providerId, raterTeamId: customerId, answers });
          }
        });
      }
      return out;
    },
  };
}

/** `count` distinct members out of `size`, in a random order (a partial Fisher–Yates shuffle). */
function pick(r: Random, size: number, count: number): number[] {
  const all = Array.from({ length: size }, (_, i) => i);
  const n = Math.min(count, size);
  for (let i = 0; i < n; i++) {
    const j = r.int(i, size - 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, n);
}
