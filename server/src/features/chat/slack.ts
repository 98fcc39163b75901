import { ErrorCode, LogLevel, WebClient, type Logger } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';

/** A direct message: `text` is what notifications and screen readers show, `blocks` the layout. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Text for a mrkdwn block: Slack's three control characters escaped, as its docs ask. */
export const slackText = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** Why Slack did not carry a message; shown (counted) on the admin's delivery page. */
export type SlackFailure = 'not_in_slack' | 'rate_limited' | 'token_revoked' | 'slack_error';

export class SlackDeliveryError extends Error {
  constructor(
    readonly reason: SlackFailure,
    /** Seconds Slack asked us to wait (rate limits only). */
    readonly retryAfter?: number,
  ) {
    super(`Slack did not deliver: ${reason}`);
    this.name = 'SlackDeliveryError';
  }
}

// The client's own logger stays silent: nothing it might print (headers, arguments) reaches a log.
const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

const revoked = new Set(['token_revoked', 'invalid_auth', 'account_inactive', 'not_authed', 'token_expired', 'missing_scope']);

/** Maps what the Web API client threw to a reason; never carries the token or the request. */
export function failureOf(error: unknown): SlackDeliveryError {
  if (error instanceof SlackDeliveryError) return error;
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (coded.code === ErrorCode.RateLimitedError) return new SlackDeliveryError('rate_limited', coded.retryAfter);
  if (coded.code === ErrorCode.PlatformError) {
    const code = coded.data?.error ?? '';
    if (code === 'users_not_found' || code === 'user_not_found') return new SlackDeliveryError('not_in_slack');
    if (revoked.has(code)) return new SlackDeliveryError('token_revoked');
  }
  return new SlackDeliveryError('slack_error');
}

/**
 * The few Web API methods Pulse uses, through the official client. A rate limit is not waited
 * out here (no retries, rate-limited calls rejected): the caller sends that message by mail.
 */
export function slackClient(token: string, apiUrl: string | undefined) {
  const client = new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    logger: silent,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 15_000,
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw failureOf(error);
    }
  };
  return {
    /** The workspace's name when the token works (auth.test). */
    async verify(): Promise<string> {
      const result = await call(() => client.auth.test());
      return result.team ?? result.url ?? 'Slack workspace';
    },
    /** Finds the member by email and sends them one direct message. */
    async sendDirect(email: string, message: SlackMessage): Promise<void> {
      const found = await call(() => client.users.lookupByEmail({ email }));
      const userId = found.user?.id;
      if (!userId) throw new SlackDeliveryError('not_in_slack');
      const conversation = await call(() => client.conversations.open({ users: userId }));
      const channel = conversation.channel?.id;
      if (!channel) throw new SlackDeliveryError('slack_error');
      await call(() => client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false }));
    },
  };
}

export type SlackClient = ReturnType<typeof slackClient>;
