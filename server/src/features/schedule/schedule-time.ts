import { weekdays, type Schedule } from '@pulse/shared/api/schedule';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The wall-clock fields of instant `at` in `timeZone`, as if they were UTC. */
function wallClock(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given date and hour (month is
 * 0-based; days past the month's end roll over). In a daylight-saving gap the hour does not
 * exist, and the result is the first instant after it.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month, day, hour);
  const guess = wall - (wallClock(wall, timeZone) - wall);
  return new Date(wall - (wallClock(guess, timeZone) - guess));
}

/** One month's pulse under a schedule. */
export interface Period {
  /** `2026-12`: the key that stops two instances from opening the same month twice. */
  key: string;
  label: string;
  opensAt: Date;
  closesAt: Date;
  remindAt: Date | null;
}

/** The pulse of the month `month` (0-based) of `year` under `schedule`. */
export function periodOf(schedule: Schedule, year: number, month: number): Period {
  const normal = new Date(Date.UTC(year, month, 1));
  const [y, m] = [normal.getUTCFullYear(), normal.getUTCMonth()];
  // JavaScript counts Sunday as 0; the schedule's list starts on Monday.
  const target = (weekdays.indexOf(schedule.weekday) + 1) % 7;
  const day = 1 + ((target - normal.getUTCDay() + 7) % 7) + (schedule.week - 1) * 7;
  const at = (offsetDays: number) => zonedInstant(y, m, day + offsetDays, schedule.hour, schedule.timeZone);
  return {
    key: `${y}-${String(m + 1).padStart(2, '0')}`,
    label: new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(normal),
    opensAt: at(0),
    closesAt: at(schedule.openDays),
    remindAt: schedule.reminderAfterDays === null ? null : at(schedule.reminderAfterDays),
  };
}

/** The latest period that has opened by `now`: the one to open, or catch up on after downtime. */
export function currentPeriod(schedule: Schedule, now: Date): Period {
  const local = new Date(wallClock(now.getTime(), schedule.timeZone));
  const [year, month] = [local.getUTCFullYear(), local.getUTCMonth()];
  const thisMonth = periodOf(schedule, year, month);
  return thisMonth.opensAt <= now ? thisMonth : periodOf(schedule, year, month - 1);
}

/** When the next pulse after `now` opens. */
export function nextOpening(schedule: Schedule, now: Date): Date {
  const local = new Date(wallClock(now.getTime(), schedule.timeZone));
  const thisMonth = periodOf(schedule, local.getUTCFullYear(), local.getUTCMonth());
  if (thisMonth.opensAt > now) return thisMonth.opensAt;
  return periodOf(schedule, local.getUTCFullYear(), local.getUTCMonth() + 1).opensAt;
}

/** `days` whole days after `from` (for reminders of cycles created by hand). */
export const addDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);
