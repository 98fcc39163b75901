import { zErrorBody } from '@pulse/shared';
import { zCommentParams, zConversation, zConversationParams, zMessageBody, zMessageSent } from '@pulse/shared/api/conversations';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { teamScope } from '../../plugins/scope.js';
import { answerBack, readConversation, replyToComment } from './conversations.service.js';

const errors = { 400: zErrorBody, 404: zErrorBody };

/** Anonymous conversations on comments: the author through their private link, leaders and HR through the comments list. */
export const conversationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conversations/:token',
    {
      schema: {
        tags: ['conversations'],
        summary: "A comment's conversation, through the author's private link",
        params: zConversationParams,
        response: { 200: zConversation, ...errors },
      },
    },
    async (request) => readConversation(app.db, request.params.token),
  );

  app.post(
    '/conversations/:token',
    {
      schema: {
        tags: ['conversations'],
        summary: 'The author answers back, still anonymous; the team leaders are mailed',
        params: zConversationParams,
        body: zMessageBody,
        response: { 201: zMessageSent, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ message: await answerBack(app.db, app.mailer, request.params.token, request.body.body, new Date()) }),
  );

  app.post(
    '/comments/:id/replies',
    {
      onRequest: app.requireRole('hr', 'leader'),
      schema: {
        tags: ['conversations'],
        summary: "Reply to a visible comment; the comment's team leaders are mailed, never the author",
        params: zCommentParams,
        body: zMessageBody,
        response: { 201: zMessageSent, 409: zErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const scope = await teamScope(app.db, request.user!);
      return reply.status(201).send({
        message: await replyToComment(app.db, app.mailer, request.user!, scope, request.params.id, request.body.body, new Date()),
      });
    },
  );
};
