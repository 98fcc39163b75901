import { z } from 'zod';
import { zConstruct, zScale } from '../questionnaire.js';

/** An action's life: planned → in_progress → done, or dropped (with a reason) from either open state. */
export const actionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** The status changes an action allows; done and dropped are final. */
export const actionTransitions: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  planned: ['in_progress', 'dropped'],
  in_progress: ['done', 'dropped'],
  done: [],
  dropped: [],
};

export const ACTION_TITLE_MAX = 200;
export const ACTION_NOTE_MAX = 2_000;
/** At most this many actions in progress are asked about in one pulse. */
export const MAX_ACTIONS_PER_PULSE = 2;

/** The one item a team answers about an action in progress; "Not noticed yet" is not counted. */
export const actionItem = {
  text: 'This change is making a difference for us.',
  scale: { min: 1, max: 5, labels: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'] },
  notNoticed: 'Not noticed yet',
} as const;

/**
 * Did the action move its construct? Team change minus the comparison group's change over the
 * same visible cycles, with a 95% interval (docs/insights.md). Null for an action that targets
 * no construct.
 */
export const zActionEffect = z.object({
  construct: zConstruct,
  verdict: z.enum(['too_early', 'no_clear_change', 'improved', 'worsened']),
  /** The comparison group: the parent team, or the organisation (without the team itself). */
  comparisonName: z.string(),
  /** The first cycle that opened after the action started, when there is one: where charts mark it. */
  startCycleId: z.uuid().nullable(),
  startCycleLabel: z.string().nullable(),
  beforeCycles: z.number().int(),
  afterCycles: z.number().int(),
  teamChange: z.number().nullable(),
  comparisonChange: z.number().nullable(),
  difference: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
});
export type ActionEffectView = z.infer<typeof zActionEffect>;

/** The team's own feedback on the action in the latest closed cycle that asked it; figures only with at least k answers. */
export const zActionFeedback = z.object({
  cycleLabel: z.string(),
  /** 0–100 like every score ((answer − 1) / 4 × 100), with its 95% interval. */
  score: z.object({ mean: z.number(), ciLow: z.number().nullable(), ciHigh: z.number().nullable(), n: z.number().int() }).optional(),
  reason: z.string().optional(),
});
export type ActionFeedback = z.infer<typeof zActionFeedback>;

export const zAction = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  title: z.string(),
  construct: zConstruct.nullable(),
  alertId: z.uuid().nullable(),
  /** The remedy it follows: a remedy of the guide, or the leader's own words. */
  remedy: z.string().nullable(),
  status: z.enum(actionStatuses),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  /** YYYY-MM-DD. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The latest note; a dropped action's reason. */
  note: z.string().nullable(),
  effect: zActionEffect.nullable(),
  feedback: zActionFeedback.nullable(),
});
export type Action = z.infer<typeof zAction>;

const zTitle = z.string().trim().min(1, 'Give the action a title.').max(ACTION_TITLE_MAX, `Use at most ${ACTION_TITLE_MAX} characters.`);
const zDue = z.iso.date('Use a date such as 2027-01-31.');

/** POST /teams/:id/actions */
export const zCreateActionBody = z.object({
  title: zTitle,
  construct: zConstruct.optional(),
  alertId: z.uuid().optional(),
  remedy: z.string().trim().min(1).max(500).optional(),
  /** A leader of the team (or above it) or an HR account; default: the author when a leader or HR. */
  ownerId: z.uuid().optional(),
  dueAt: zDue.optional(),
});
export type CreateActionBody = z.infer<typeof zCreateActionBody>;

/** PATCH /actions/:id: at least one field; dropping needs a reason in `note`. */
export const zUpdateActionBody = z
  .object({
    status: z.enum(actionStatuses).optional(),
    title: zTitle.optional(),
    ownerId: z.uuid().nullable().optional(),
    dueAt: zDue.nullable().optional(),
    note: z.string().trim().min(1, 'Write a short note.').max(ACTION_NOTE_MAX).optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'Change at least one field.')
  .refine((body) => body.status !== 'dropped' || body.note !== undefined, { message: 'Say why the action is dropped.', path: ['note'] });
export type UpdateActionBody = z.infer<typeof zUpdateActionBody>;

export const zActionParams = z.object({ id: z.uuid() });
export const zActionResponse = z.object({ action: zAction });

/** Who may own a team's actions: its leaders and those above it, and HR. */
export const zActionOwner = z.object({ id: z.uuid(), name: z.string(), role: z.enum(['leader', 'hr']) });
export type ActionOwner = z.infer<typeof zActionOwner>;

/** GET /teams/:id/actions: the team's actions, newest first, and who may own them. */
export const zTeamActionsResponse = z.object({ actions: z.array(zAction), owners: z.array(zActionOwner) });
export type TeamActionsResponse = z.infer<typeof zTeamActionsResponse>;

/** GET /actions: every action in scope, overdue first, then by due date. */
export const zActionsQuery = z.object({ status: z.enum([...actionStatuses, 'open', 'all']).default('all') });
export const zActionsResponse = z.object({ actions: z.array(zAction) });
export type ActionsResponse = z.infer<typeof zActionsResponse>;

/** One action in a pulse: its title and the item about it. */
export const zPulseAction = z.object({
  id: z.uuid(),
  title: z.string(),
  item: z.object({ text: z.string(), scale: zScale, notNoticed: z.string() }),
});
export type PulseAction = z.infer<typeof zPulseAction>;
