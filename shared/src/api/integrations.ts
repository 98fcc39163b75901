import { z } from 'zod';

/** A Slack bot token (xoxb-…); accepted on PUT only, never returned. */
export const zSlackConnectBody = z.object({
  botToken: z
    .string()
    .trim()
    .regex(/^xoxb-[A-Za-z0-9-]{8,250}$/, 'A Slack bot token starts with xoxb- (Slack app → OAuth & Permissions → Bot User OAuth Token).'),
});
export type SlackConnectBody = z.infer<typeof zSlackConnectBody>;

export const zDeliveryKind = z.enum(['invitation', 'reminder', 'digest', 'team_digest']);
export const zDeliveryChannel = z.enum(['slack', 'mail', 'teams']);

/**
 * How many messages each channel carried, per kind, and why Slack did not carry some
 * (`not_in_slack`, `rate_limited`, `token_revoked`, `slack_error`, `teams_error`; null: sent as
 * planned). Counts only. Reminders come as one total (channel and reason null): split, they
 * would tell who among those who had not answered is in Slack.
 */
export const zDeliveryCount = z.object({
  kind: zDeliveryKind,
  channel: zDeliveryChannel.nullable(),
  fallbackReason: z.string().nullable(),
  count: z.number().int(),
});

export const zIntegrations = z.object({
  /** Whether PULSE_SECRET_KEY is set; without it no chat can be connected. */
  secretKeyConfigured: z.boolean(),
  slack: z.object({
    /** `revoked`: Slack refused the token; everything goes by mail until it is connected again. */
    status: z.enum(['disconnected', 'connected', 'revoked']),
    workspace: z.string().nullable(),
    connectedAt: z.string().nullable(),
  }),
  /** Teams whose leaders' digest is also posted to a Microsoft Teams channel (URLs never shown). */
  teamsWebhooks: z.array(z.object({ teamId: z.uuid(), teamName: z.string() })),
  deliveries: z.array(zDeliveryCount),
});
export type Integrations = z.infer<typeof zIntegrations>;

export const zSlackConnected = z.object({ workspace: z.string() });

/** The test message goes to the signed-in admin, found in Slack by their email. */
export const zSlackTestResult = z.object({ delivered: z.literal(true) });

export const zTeamsWebhookParams = z.object({ teamId: z.uuid() });
export const zTeamsWebhookBody = z.object({
  webhookUrl: z.url({ protocol: /^https?$/ }).max(2000),
});
export type TeamsWebhookBody = z.infer<typeof zTeamsWebhookBody>;
