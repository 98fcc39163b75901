import type { Database, DeliveryKind } from '@pulse/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { MailMessage, Mailer } from '../../plugins/mail.js';
import { claimDelivery, markSlackRevoked, readSlack, recordFallback, releaseDelivery } from './chat.repository.js';
import { open } from './secret-box.js';
import { failureOf, slackClient, type SlackClient, type SlackMessage } from './slack.js';

/** What chat delivery needs from the configuration. */
export interface ChatSettings {
  secretKey: Buffer | undefined;
  slackApiUrl: string | undefined;
}

interface CourierContext {
  db: Kysely<Database>;
  mailer: Pick<Mailer, 'send'>;
  log: Pick<FastifyBaseLogger, 'warn'>;
  chat?: ChatSettings;
}

/** One message to one person: by Slack when connected and they are found there, else by mail. */
export interface Outgoing {
  kind: DeliveryKind;
  /** Identifies the message among its kind; a message is delivered at most once. */
  ref: string;
  mail: MailMessage;
  slack: SlackMessage;
}

export type Delivered = 'slack' | 'mail' | 'already';

/**
 * Delivers messages for one pass. The message is claimed (one row per kind and ref) before any
 * channel is tried, so neither a second pass nor a second instance sends it again by another
 * channel. Slack first when a workspace is connected; when Slack does not carry it (member not
 * found, rate limit, revoked token, any error) the same message goes by mail and the reason is
 * recorded. After a rate limit, Slack rests until its Retry-After has passed; after a revoked
 * token, until an admin connects again. Throws only when mail fails too (the claim is freed).
 */
export function openCourier(ctx: CourierContext) {
  let slack: Promise<{ client: SlackClient; sealed: string } | undefined> | undefined;
  let restUntil = 0;
  let revoked = false;

  const loadSlack = async () => {
    const key = ctx.chat?.secretKey;
    const row = await readSlack(ctx.db);
    if (!key || !row || row.status !== 'connected') return undefined;
    try {
      return { client: slackClient(open(key, row.token_ciphertext), ctx.chat?.slackApiUrl), sealed: row.token_ciphertext };
    } catch {
      ctx.log.warn('the Slack token cannot be decrypted with PULSE_SECRET_KEY; messages go by mail');
      return undefined;
    }
  };

  /** Undefined when Slack carried it; null when no workspace is connected (plain mail). */
  async function viaSlack(message: Outgoing): Promise<string | null | undefined> {
    slack ??= loadSlack();
    const connection = await slack;
    if (!connection) return null;
    if (revoked) return 'token_revoked';
    if (Date.now() < restUntil) return 'rate_limited';
    try {
      await connection.client.sendDirect(message.mail.to, message.slack);
      return undefined;
    } catch (error) {
      const failure = failureOf(error);
      if (failure.reason === 'rate_limited') restUntil = Date.now() + (failure.retryAfter ?? 60) * 1000;
      if (failure.reason === 'token_revoked') {
        revoked = true;
        await markSlackRevoked(ctx.db, connection.sealed);
      }
      if (failure.reason !== 'not_in_slack')
        ctx.log.warn({ kind: message.kind, reason: failure.reason }, 'Slack did not deliver; sent by mail');
      return failure.reason;
    }
  }

  return {
    async deliver(message: Outgoing, now: Date): Promise<Delivered> {
      if (!(await claimDelivery(ctx.db, message.kind, message.ref, 'slack', now))) return 'already';
      const reason = await viaSlack(message);
      if (reason === undefined) return 'slack';
      try {
        await ctx.mailer.send(message.mail);
      } catch (error) {
        await releaseDelivery(ctx.db, message.kind, message.ref);
        throw error;
      }
      await recordFallback(ctx.db, message.kind, message.ref, 'mail', reason);
      return 'mail';
    },
  };
}

export type Courier = ReturnType<typeof openCourier>;
