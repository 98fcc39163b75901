import { z } from 'zod';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** True for an IANA time zone name this runtime knows, e.g. `Europe/Berlin`. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/**
 * The monthly rhythm: a pulse opens on the `week`-th `weekday` of each month at `hour` in the
 * organisation's time zone, stays open `openDays` days, and `reminderAfterDays` days after
 * opening reminds those who have not answered (null: no reminder).
 */
export const zSchedule = z
  .object({
    enabled: z.boolean(),
    weekday: z.enum(weekdays),
    week: z.number().int().min(1).max(4),
    hour: z.number().int().min(0).max(23),
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
    openDays: z.number().int().min(1).max(21),
    reminderAfterDays: z.number().int().min(1).nullable(),
  })
  .refine((s) => s.reminderAfterDays === null || s.reminderAfterDays < s.openDays, {
    path: ['reminderAfterDays'],
    message: 'must be fewer days than the pulse stays open',
  });
export type Schedule = z.infer<typeof zSchedule>;

/** GET and PUT /api/v1/schedule answer with the setting and when the next pulse opens. */
export const zScheduleState = z.object({ schedule: zSchedule.nullable(), nextOpensAt: z.string().nullable() });
export type ScheduleState = z.infer<typeof zScheduleState>;
