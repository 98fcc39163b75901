import {
  zErrorBody,
  zIntegrations,
  zSlackConnectBody,
  zSlackConnected,
  zSlackTestResult,
  zTeamsWebhookBody,
  zTeamsWebhookParams,
} from '@pulse/shared';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, conflict, notFound } from '../../errors.js';
import { mailText } from '../../i18n/mail-text.js';
import { recordAudit } from '../audit/audit.service.js';
import { sessionLanguage } from '../auth/language.service.js';
import {
  deleteSlack,
  deleteTeamsWebhook,
  deliveryCounts,
  markSlackRevoked,
  readSlack,
  saveSlack,
  saveTeamsWebhook,
  teamExists,
  teamsWebhooks,
} from './chat.repository.js';
import { open, seal } from './secret-box.js';
import { failureOf, slackClient, type SlackFailure } from './slack.js';

const tags = ['integrations'];

const slackRefused = (reason: SlackFailure) => new ApiError(502, 'slack_refused', `chat.refused.${reason}`);

/**
 * Chat delivery settings (admin): connect a Slack workspace with a bot token, send a test
 * message, see how many messages each channel carried, set a Microsoft Teams workflow per
 * team for its leaders' digest. Tokens and URLs are sealed with PULSE_SECRET_KEY and never
 * returned or logged.
 */
export const chatRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = app.requireRole('admin');
  const key = () => {
    if (!app.config.secretKey) throw conflict('chat.noSecretKey');
    return app.config.secretKey;
  };

  app.get(
    '/integrations',
    {
      onRequest: admin,
      schema: { tags, summary: 'Chat connections and messages delivered per channel', response: { 200: zIntegrations } },
    },
    async () => {
      const slack = await readSlack(app.db);
      return {
        secretKeyConfigured: app.config.secretKey !== undefined,
        slack: {
          status: slack?.status ?? ('disconnected' as const),
          workspace: slack?.workspace ?? null,
          connectedAt: slack?.connected_at.toISOString() ?? null,
        },
        teamsWebhooks: (await teamsWebhooks(app.db)).map(({ teamId, teamName }) => ({ teamId, teamName })),
        deliveries: await deliveryCounts(app.db),
      };
    },
  );

  app.put(
    '/integrations/slack',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Connect a Slack workspace with a bot token (checked with auth.test first)',
        body: zSlackConnectBody,
        response: { 200: zSlackConnected, 400: zErrorBody, 409: zErrorBody, 502: zErrorBody },
      },
    },
    async (request) => {
      const secret = key();
      const workspace = await slackClient(request.body.botToken, app.config.slackApiUrl)
        .verify()
        .catch((error: unknown) => {
          throw slackRefused(failureOf(error).reason);
        });
      await saveSlack(app.db, { tokenCiphertext: seal(secret, request.body.botToken), workspace, by: request.user!.id, now: new Date() });
      await recordAudit(app.db, request.user, 'integrations.slack.connect', null, { workspace });
      return { workspace };
    },
  );

  app.delete(
    '/integrations/slack',
    {
      onRequest: admin,
      schema: { tags, summary: 'Disconnect Slack: everything goes by mail again', response: { 204: z.null(), 404: zErrorBody } },
    },
    async (request, reply) => {
      if (!(await deleteSlack(app.db))) throw notFound('slackConnection');
      await recordAudit(app.db, request.user, 'integrations.slack.disconnect', null, {});
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/integrations/slack/test',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Send the signed-in admin a test direct message',
        response: { 200: zSlackTestResult, 409: zErrorBody, 502: zErrorBody },
      },
    },
    async (request) => {
      const secret = key();
      const slack = await readSlack(app.db);
      if (!slack || slack.status !== 'connected') throw conflict('chat.connectFirst');
      const client = slackClient(open(secret, slack.token_ciphertext), app.config.slackApiUrl);
      // In the admin's own language, as their dashboard speaks it.
      const { language } = await sessionLanguage(app.db, request.user!.id, request.headers['accept-language']);
      const text = mailText(language, 'chat.connected');
      try {
        await client.sendDirect(request.user!.email, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
      } catch (error) {
        const { reason } = failureOf(error);
        if (reason === 'token_revoked') await markSlackRevoked(app.db, slack.token_ciphertext);
        throw slackRefused(reason);
      }
      return { delivered: true as const };
    },
  );

  app.put(
    '/integrations/teams/:teamId',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: "Post this team's leaders' digest to a Microsoft Teams workflow too",
        params: zTeamsWebhookParams,
        body: zTeamsWebhookBody,
        response: { 200: zTeamsWebhookParams, 400: zErrorBody, 404: zErrorBody, 409: zErrorBody },
      },
    },
    async (request) => {
      const secret = key();
      const { teamId } = request.params;
      if (!(await teamExists(app.db, teamId))) throw notFound('team');
      await saveTeamsWebhook(app.db, teamId, seal(secret, request.body.webhookUrl), new Date());
      await recordAudit(app.db, request.user, 'integrations.teams.set', teamId, {});
      return { teamId };
    },
  );

  app.delete(
    '/integrations/teams/:teamId',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: "Stop posting this team's digest to Microsoft Teams",
        params: zTeamsWebhookParams,
        response: { 204: z.null(), 400: zErrorBody, 404: zErrorBody },
      },
    },
    async (request, reply) => {
      if (!(await deleteTeamsWebhook(app.db, request.params.teamId))) throw notFound('teamsWorkflow');
      await recordAudit(app.db, request.user, 'integrations.teams.remove', request.params.teamId, {});
      return reply.status(204).send(null);
    },
  );
};
