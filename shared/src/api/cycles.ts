import { z } from 'zod';

export const cycleStatuses = ['scheduled', 'open', 'closed'] as const;
export const zCycleStatus = z.enum(cycleStatuses);

/** A pulse cycle as HR sees it; times are ISO 8601 in UTC. */
export const zCycle = z.object({
  id: z.string(),
  label: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  /** When the one reminder goes to those who have not answered; null: no reminder. */
  remindAt: z.string().nullable(),
  status: zCycleStatus,
  /** The included teams; null means every team. */
  teamIds: z.array(z.string()).nullable(),
  questionnaireVersion: z.number().int(),
  closedAt: z.string().nullable(),
});
export type Cycle = z.infer<typeof zCycle>;

/**
 * A cycle with its participation counts: how many, never who. While a cycle is open,
 * `responded` is as of its latest daily count (`countedAt`), so it never moves the moment
 * somebody answers.
 */
export const zCycleSummary = zCycle.extend({ invited: z.number().int(), responded: z.number().int(), countedAt: z.string().nullable() });
export type CycleSummary = z.infer<typeof zCycleSummary>;

const zInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-12-07T09:00:00Z' });

/** True when both are valid dates and `a` is not later than `b`. */
const atOrBefore = (a: string, b: string) => Date.parse(a) <= Date.parse(b);

/** POST /api/v1/cycles */
export const zCycleCreate = z
  .object({
    label: z.string().trim().min(1).max(100),
    opensAt: zInstant,
    closesAt: zInstant,
    /** Defaults to the schedule's reminder delay when one is set. */
    remindAt: zInstant.optional(),
    /** Leave out to include every team. */
    teamIds: z.array(z.uuid()).min(1).optional(),
  })
  // Each check passes when a date is itself invalid: that field already has its own message.
  .refine((c) => !atOrBefore(c.closesAt, c.opensAt), { path: ['closesAt'], message: 'must be after opensAt' })
  .refine((c) => !c.remindAt || !(atOrBefore(c.remindAt, c.opensAt) || atOrBefore(c.closesAt, c.remindAt)), {
    path: ['remindAt'],
    message: 'must fall between opensAt and closesAt',
  });
export type CycleCreate = z.infer<typeof zCycleCreate>;

/** The longest a cycle may stay open, from opening to closing. */
export const MAX_CYCLE_DAYS = 62;

/** POST /api/v1/cycles/:id/extend: a later closing time for a scheduled or open cycle. */
export const zCycleExtend = z.object({ closesAt: zInstant });
export type CycleExtend = z.infer<typeof zCycleExtend>;

/** GET /api/v1/cycles/:id/participation: per team, as of the latest count; how many, never who. */
export const zParticipation = z.object({
  cycleId: z.string(),
  status: zCycleStatus,
  /** When these counts were taken: at opening, then once a day, and finally at closing. */
  countedAt: z.string().nullable(),
  /** When the next count is due while the cycle is open; null when none will come. */
  nextCountAt: z.string().nullable(),
  teams: z.array(z.object({ teamId: z.string(), name: z.string(), invited: z.number().int(), responded: z.number().int() })),
  /**
   * Once the cycle has closed: how many answered in each language, for the whole organisation
   * (never per team), most first. A language fewer than `languageThreshold` answered in is left
   * out, and so is any whose count the total minus the others would give away; empty while open.
   */
  languages: z.array(z.object({ language: z.string(), responses: z.number().int() })),
  /** The group size the language counts were held to (the anonymity threshold). */
  languageThreshold: z.number().int(),
});
export type Participation = z.infer<typeof zParticipation>;

export const zCycleParams = z.object({ id: z.uuid() });
export const zCycleEnvelope = z.object({ cycle: zCycle });
export const zCycleList = z.object({ cycles: z.array(zCycleSummary) });
export type CycleList = z.infer<typeof zCycleList>;
