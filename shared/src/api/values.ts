import { z } from 'zod';
import { MAX_TEAM_VALUES } from '../limits.js';
export { MAX_TEAM_VALUES };

/** At most this many values per team. */

/** One shared value, read "{value} even at the cost of {cost}". */
export const zTeamValue = z.object({
  value: z.string().trim().min(1, 'Say what the team values.').max(120, 'Use at most 120 characters.'),
  cost: z.string().trim().min(1, 'Say what it is worth giving up for it.').max(120, 'Use at most 120 characters.'),
});
export type TeamValue = z.infer<typeof zTeamValue>;

/** GET and PUT /teams/:id/values. */
export const zTeamValues = z.object({
  values: z.array(zTeamValue).max(MAX_TEAM_VALUES, `A team records at most ${MAX_TEAM_VALUES} values.`),
});
export type TeamValues = z.infer<typeof zTeamValues>;

/** How a value reads on screen and in the pulse. */
export const valueStatement = (v: TeamValue): string => `${v.value} even at the cost of ${v.cost}`;

/** The one item a team with values answers in its pulse: did this month's choices match them? */
export const valuesItem = {
  id: 'val_aligned',
  text: 'This month, the choices our team made matched these values.',
  scale: { min: 1, max: 5, labels: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'] },
} as const;
