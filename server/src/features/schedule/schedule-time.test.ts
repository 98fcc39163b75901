import { describe, expect, it } from 'vitest';
import type { Schedule } from '@pulse/shared/api/schedule';
import { currentPeriod, nextOpening, periodOf, zonedInstant } from './schedule-time.js';

const berlin: Schedule = {
  enabled: true,
  weekday: 'monday',
  week: 1,
  hour: 9,
  timeZone: 'Europe/Berlin',
  openDays: 7,
  reminderAfterDays: 3,
};

describe('schedule times in the organisation time zone', () => {
  it('opens on the first Monday at 09:00 Berlin time (08:00 UTC in winter)', () => {
    // 1 December 2026 is a Tuesday, so the first Monday is the 7th.
    const p = periodOf(berlin, 2026, 11);
    expect(p.key).toBe('2026-12');
    expect(p.label).toBe('December 2026');
    expect(p.opensAt.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(p.remindAt?.toISOString()).toBe('2026-12-10T08:00:00.000Z');
    expect(p.closesAt.toISOString()).toBe('2026-12-14T08:00:00.000Z');
  });

  it('keeps the wall-clock hour across the switch to summer time', () => {
    // 1 March 2027 is a Monday; the 4th Monday is the 22nd; clocks go forward on the 28th.
    const p = periodOf({ ...berlin, week: 4 }, 2027, 2);
    expect(p.opensAt.toISOString()).toBe('2027-03-22T08:00:00.000Z');
    expect(p.closesAt.toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });

  it('uses daylight time in New York in July', () => {
    const p = periodOf({ ...berlin, timeZone: 'America/New_York' }, 2026, 6);
    expect(p.opensAt.toISOString()).toBe('2026-07-06T13:00:00.000Z');
  });

  it('moves an hour that does not exist (spring gap) to the first instant after it', () => {
    expect(zonedInstant(2027, 2, 28, 2, 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('names the latest opened period, which is last month before this month opens', () => {
    expect(currentPeriod(berlin, new Date('2026-12-07T07:59:00Z')).key).toBe('2026-11');
    expect(currentPeriod(berlin, new Date('2026-12-07T08:00:00Z')).key).toBe('2026-12');
    // Already the 1st of January in Berlin, still 31 December in UTC.
    expect(currentPeriod(berlin, new Date('2026-12-31T23:30:00Z')).key).toBe('2026-12');
  });

  it('tells when the next pulse opens', () => {
    expect(nextOpening(berlin, new Date('2026-12-01T00:00:00Z')).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // 4 January 2027 is the first Monday of January.
    expect(nextOpening(berlin, new Date('2026-12-07T08:00:00Z')).toISOString()).toBe('2027-01-04T08:00:00.000Z');
  });
});
