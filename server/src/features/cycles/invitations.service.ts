import type { Database } from '@pulse/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Mailer } from '../../plugins/mail.js';
import type { ChatSettings } from '../chat/courier.js';
import { hashToken, newToken } from '../../plugins/auth.js';
import { readSchedule } from '../schedule/schedule.service.js';
import { openCourier } from '../chat/courier.js';
import { pulseLink, pulseMail, type MailKind } from './invitation-mail.js';
import { pulseSlack } from './invitation-slack.js';
import { spokenLanguage } from '../../i18n/mail-text.js';
import { getDefaultLanguage } from '../settings/settings.service.js';
import { lockPendingMails, markCyclesReminded, markMailSent, releaseMail, type ClaimedMail } from './invitations.repository.js';

/** What sending pulse mail needs; the scheduler and the routes both provide it. */
export interface MailContext {
  db: Kysely<Database>;
  mailer: Pick<Mailer, 'send'>;
  publicUrl: string;
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  /** The key and Slack URL that chat delivery needs; without them everything goes by mail. */
  chat?: ChatSettings;
}

const BATCH = 50;

/**
 * Sends every pending message of one kind, batch by batch: a Slack direct message when a
 * workspace is connected and the member is found there, else mail (chat/courier.ts). Each
 * batch is claimed and marked sent (with a fresh token's hash) in one transaction before
 * anything is sent, so no message ever goes out twice, even with several instances at once;
 * a delivery that fails is released for a later run. Returns how many messages were sent.
 */
async function sendPending(ctx: MailContext, kind: MailKind, now: Date): Promise<number> {
  const timeZone = (await readSchedule(ctx.db))?.timeZone ?? 'UTC';
  const organisationLanguage = await getDefaultLanguage(ctx.db);
  const courier = openCourier(ctx);
  let sent = 0;
  for (;;) {
    const batch = await ctx.db.transaction().execute(async (trx) => {
      const claimed = await lockPendingMails(trx, kind, now, BATCH);
      const withTokens: (ClaimedMail & { token: string })[] = [];
      for (const mail of claimed) {
        const token = newToken();
        await markMailSent(trx, kind, mail.id, hashToken(token), now);
        withTokens.push({ ...mail, token });
      }
      if (kind === 'reminder')
        await markCyclesReminded(
          trx,
          claimed.map((m) => m.id),
          now,
        );
      return withTokens;
    });
    if (!batch.length) return sent;
    let failed = false;
    for (const mail of batch) {
      try {
        const link = pulseLink(ctx.publicUrl, mail.token);
        // The member's own language, else the organisation's: by mail and by Slack alike.
        const language = spokenLanguage(mail.language) ?? organisationLanguage;
        const message = { mail: pulseMail(kind, mail, link, timeZone, language), slack: pulseSlack(kind, mail, link, timeZone, language) };
        if ((await courier.deliver({ kind, ref: mail.id, ...message }, now)) !== 'already') sent++;
      } catch (error) {
        ctx.log.warn({ err: error, invitation: mail.id, kind }, 'pulse mail failed; it will be retried');
        await releaseMail(ctx.db, kind, mail.id, hashToken(mail.token));
        failed = true;
      }
    }
    // A failure ends this run, so a broken mail server is not hammered in a loop.
    if (failed || batch.length < BATCH) return sent;
  }
}

/** Mails every invitation of an open cycle that has not been sent yet. */
export const deliverInvitations = (ctx: MailContext, now: Date) => sendPending(ctx, 'invitation', now);

/** Mails the one reminder to each member who has not answered once their cycle's reminder is due. */
export const sendReminders = (ctx: MailContext, now: Date) => sendPending(ctx, 'reminder', now);
