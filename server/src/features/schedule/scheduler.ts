import { closeDueCycles, openDueCycles } from '../cycles/cycles.service.js';
import { countDueParticipation } from '../cycles/participation.service.js';
import { deliverDigests } from '../digests/digests.service.js';
import { deliverInvitations, sendReminders, type MailContext } from '../cycles/invitations.service.js';
import { blurAnswerTrail } from '../pulse/pulse.service.js';
import type { ThresholdSettings } from '../settings/settings.service.js';
import { ensureScheduledCycle } from '../cycles/scheduled-cycle.js';

/** What one pass of the scheduler did. */
export interface TickReport {
  created: string | null;
  opened: string[];
  invitations: number;
  reminders: number;
  closed: string[];
}

export interface Scheduler {
  /** One pass: close, create, open, mail, remind. Concurrent calls share the pass in flight. */
  tick(): Promise<TickReport>;
  /** Ticks now and then every `intervalMs` until `stop`. */
  start(intervalMs?: number): void;
  /** Stops ticking and waits for a pass in flight. */
  stop(): Promise<void>;
}

export interface SchedulerOptions extends MailContext {
  /** Where the configured anonymity threshold comes from, for closing cycles. */
  settings: ThresholdSettings;
  /** The scheduler's notion of now; tests pass a fake clock. */
  clock?: () => Date;
}

/** How often a started scheduler looks for work. */
export const TICK_INTERVAL_MS = 60_000;

/**
 * The monthly rhythm. Every step is safe with several instances ticking at once (row locks
 * with SKIP LOCKED, a unique period key) and idempotent, so a tick after downtime catches up:
 * it closes what ended, opens what is due, mails what was not sent and recounts participation
 * once a day.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? (() => new Date());
  const { db } = options;
  let inFlight: Promise<TickReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  async function pass(): Promise<TickReport> {
    const now = clock();
    const closed = await closeDueCycles(db, now, options.settings);
    // After the closes commit; also retries a digest whose mail failed on an earlier pass.
    await deliverDigests(options, now);
    const created = await ensureScheduledCycle(db, now);
    const opened = await openDueCycles(db, now);
    const invitations = await deliverInvitations(options, now);
    const reminders = await sendReminders(options, now);
    const open = await db.selectFrom('cycles').select('id').where('status', '=', 'open').execute();
    for (const { id } of open) await blurAnswerTrail(db, id);
    await countDueParticipation(db, now);
    return { created, opened, invitations, reminders, closed };
  }

  function tick(): Promise<TickReport> {
    inFlight ??= pass().finally(() => (inFlight = undefined));
    return inFlight;
  }

  const busy = (r: TickReport) => Boolean(r.created || r.opened.length || r.invitations || r.reminders || r.closed.length);

  /** One pass whose outcome goes to the log; then the next one is planned. */
  function runAndPlan(intervalMs: number) {
    tick()
      .then((report) => busy(report) && options.log.info({ scheduler: report }, 'scheduler pass'))
      .catch((error: unknown) => options.log.warn({ err: error }, 'scheduler pass failed; retrying next tick'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(() => runAndPlan(intervalMs), intervalMs);
        timer.unref();
      });
  }

  return {
    tick,
    start(intervalMs = TICK_INTERVAL_MS) {
      if (!stopped) return;
      stopped = false;
      // The first pass runs at once: it catches up on whatever fell due while we were down.
      runAndPlan(intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight?.catch(() => undefined);
    },
  };
}
