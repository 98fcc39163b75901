/** The scenario file format (documented in docs/insights.md), validated with zod. */
import { z } from 'zod';
import { DEFAULT_ANONYMITY_THRESHOLD, MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD } from '../limits.js';

const zIntRange = z
  .object({ min: z.number().int(), max: z.number().int() })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });
const zRange = z.object({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, { message: 'min must not exceed max' });
const zShare = z.number().min(0).max(1);

const zPattern = z.discriminatedUnion('pattern', [
  z.object({ pattern: z.literal('stable'), share: zShare }),
  /** Stable, but the whole team's mood moves from month to month (scale points, SD). */
  z.object({ pattern: z.literal('stable-noisy'), share: zShare, cycleNoise: z.number().min(0).default(0.15) }),
  /** Relatedness and openness fall by `drop` scale points over `rampCycles`, from `onset`. */
  z.object({
    pattern: z.literal('fortress'),
    share: zShare,
    onset: zIntRange,
    drop: z.number().default(1),
    rampCycles: z.number().int().min(1).default(4),
    /** Optional pressure first: autonomy and competence frustration rise this many cycles before onset. */
    pressureLead: z.number().int().min(0).default(0),
    pressureRise: z.number().default(0.5),
  }),
  /** Autonomy and competence frustration rise by `rise` scale points; nothing else moves. */
  z.object({
    pattern: z.literal('pressure-only'),
    share: zShare,
    onset: zIntRange,
    rise: z.number().default(0.75),
    rampCycles: z.number().int().min(1).default(4),
  }),
  /** A fortress drift that is reversed: falls, holds `holdCycles`, climbs back as fast. */
  z.object({
    pattern: z.literal('recovery'),
    share: zShare,
    onset: zIntRange,
    drop: z.number().default(1),
    rampCycles: z.number().int().min(1).default(4),
    holdCycles: z.number().int().min(0).default(3),
  }),
]);
export type PatternSpec = z.infer<typeof zPattern>;

/**
 * Partner ratings: each team serves `customersPerTeam` other teams (drawn at random); every
 * respondent of a customer team rates up to `maxPerPulse` of its providers (rotated), each with
 * probability `askedShare` ("we did not ask them this month" otherwise), on two 1–5 items.
 * A fortress provider's rating falls by `drop` scale points (default: its pattern's drop) over
 * its ramp, starting `lead` cycles before its own onset (0: at the same time).
 */
const zPartners = z.object({
  customersPerTeam: zIntRange.refine((r) => r.min >= 0, { message: 'a team serves no fewer than 0 teams' }),
  askedShare: zShare.default(0.7),
  maxPerPulse: z.number().int().min(1).default(3),
  level: z.number().default(3.7),
  noise: z
    .object({ pair: z.number().min(0), person: z.number().min(0), item: z.number().min(0) })
    .default({ pair: 0.3, person: 0.5, item: 0.7 }),
  drop: z.number().optional(),
  lead: z.number().int().min(0).default(0),
});
export type PartnerSpec = z.infer<typeof zPartners>;
export type PatternName = PatternSpec['pattern'];

export const zScenario = z
  .object({
    name: z.string().min(1),
    seed: z.number().int(),
    cycles: z.number().int().min(2).max(240),
    teams: z.number().int().min(1),
    teamSize: zIntRange.refine((r) => r.min >= 1, { message: 'teams need at least one member' }),
    responseRate: zRange.refine((r) => r.min > 0 && r.max <= 1, { message: 'response rates lie in (0, 1]' }),
    /** Teams per department (departments have no members of their own); 0 = all top level. */
    teamsPerDepartment: z.number().int().min(0).default(0),
    threshold: z.number().int().min(MIN_ANONYMITY_THRESHOLD).max(MAX_ANONYMITY_THRESHOLD).default(DEFAULT_ANONYMITY_THRESHOLD),
    /** Latent team means on the 1–5 scale. */
    levels: z
      .object({ satisfaction: z.number(), frustration: z.number(), openness: z.number() })
      .default({ satisfaction: 3.7, frustration: 2.3, openness: 3.7 }),
    /** Standard deviations in scale points. */
    noise: z
      .object({
        betweenTeam: z.number().min(0),
        person: z.number().min(0),
        item: z.number().min(0),
        cycle: z.number().min(0),
      })
      .default({ betweenTeam: 0.35, person: 0.5, item: 0.7, cycle: 0.05 }),
    patterns: z.array(zPattern).min(1),
    /** Optional: partner ratings between teams (the simulation reports with and without them). */
    partners: zPartners.optional(),
    /**
     * Optional: a share of the teams joins the organisation mid-way, at a cycle drawn from `at`.
     * Onsets and steps count from a team's own first cycle.
     */
    joining: z.object({ share: zShare, at: zIntRange }).optional(),
    /**
     * Optional: a share of the teams changes level once (a new leader, a reorganisation) at a
     * cycle of its history drawn from `at`: every need and openness moves `size` scale points,
     * up or down at random (frustrations the other way), then holds.
     */
    steps: z.object({ share: zShare, at: zIntRange, size: z.number() }).optional(),
  })
  .refine((s) => Math.abs(s.patterns.reduce((a, p) => a + p.share, 0) - 1) < 1e-6, {
    message: 'pattern shares must add up to 1',
    path: ['patterns'],
  });
export type Scenario = z.infer<typeof zScenario>;

/** Parses and validates a scenario, throwing a readable error listing every problem. */
export function parseScenario(json: unknown): Scenario {
  const result = zScenario.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid scenario:\n${lines.join('\n')}`);
  }
  return result.data;
}
