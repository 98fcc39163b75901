import type { Database } from '@pulse/db';
import type { Conversation, ConversationMessage, ListedComment } from '@pulse/shared/api/conversations';
import type { Kysely } from 'kysely';
import { conflict, notFound } from '../../errors.js';
import { hashToken, type SessionUser } from '../../plugins/auth.js';
import type { Mailer } from '../../plugins/mail.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import type { Language } from '@pulse/shared';
import { mailText, spokenLanguage } from '../../i18n/mail-text.js';
import { getDefaultLanguage } from '../settings/settings.service.js';
import {
  addMessage,
  findComment,
  findConversation,
  leaderAddresses,
  messagesOf,
  subtreeComments,
  type CommentTarget,
} from './conversations.repository.js';

/** The comment behind a conversation token, else 404 (an unknown token and a wrong one look the same). */
async function conversationFor(db: Kysely<Database>, token: string): Promise<CommentTarget> {
  const target = await findConversation(db, hashToken(token));
  if (!target) throw notFound('conversation');
  return target;
}

/** GET /conversations/:token: the comment and its messages. */
export async function readConversation(db: Kysely<Database>, token: string): Promise<Conversation> {
  const target = await conversationFor(db, token);
  return { comment: target.comment, messages: await messagesOf(db, target.commentId) };
}

/** A reply's one mail to the comment's team leaders: the words only; the author is nobody's to know. */
function replyMail(to: string, from: ConversationMessage['from'], body: string, language: Language) {
  return {
    to,
    subject: mailText(language, 'conversation.subject'),
    text: `${mailText(language, 'conversation.body', { from })}\n\n${body}\n\n${mailText(language, 'conversation.footer')}\n`,
  };
}

/** Tells the leaders of the team whose visible cell shows the comment (none when it is shown nowhere). */
async function tellLeaders(db: Kysely<Database>, mailer: Mailer, target: CommentTarget, message: ConversationMessage): Promise<void> {
  if (!target.shownIn) return;
  const organisationLanguage = await getDefaultLanguage(db);
  for (const to of await leaderAddresses(db, target.shownIn)) {
    await mailer.send(replyMail(to.email, message.from, message.body, spokenLanguage(to.language) ?? organisationLanguage));
  }
}

/** POST /conversations/:token: the author answers back, still anonymous; the team's leaders are told. */
export async function answerBack(
  db: Kysely<Database>,
  mailer: Mailer,
  token: string,
  body: string,
  now: Date,
): Promise<ConversationMessage> {
  const target = await conversationFor(db, token);
  const message = await addMessage(db, target.commentId, 'author', body, now);
  await tellLeaders(db, mailer, target, message);
  return message;
}

/**
 * POST /comments/:id/replies: a leader in scope or HR replies. The comment is judged by where it
 * is shown (its nearest visible cell, its own team's or one above), never by its own team, so a
 * reply neither tells a hidden team's leaders that one of them wrote nor tells the replier that the
 * comment came from a small team. 404 for an unknown comment or one whose showing cell is out of
 * scope; 409 for a comment shown in no visible cell at all.
 */
export async function replyToComment(
  db: Kysely<Database>,
  mailer: Mailer,
  user: SessionUser,
  scope: TeamScope,
  commentId: string,
  body: string,
  now: Date,
): Promise<ConversationMessage> {
  const target = await findComment(db, commentId);
  if (!target) throw notFound('comment');
  if (!target.shownIn) throw conflict('conversations.belowThreshold');
  if (!inScope(scope, target.shownIn)) throw notFound('comment');
  const message = await addMessage(db, target.commentId, user.role === 'hr' ? 'hr' : 'leader', body, now);
  await tellLeaders(db, mailer, target, message);
  return message;
}

/** The comments of a team's subtree in a cycle, each with its random id and its conversation (the caller checked the cell). */
export async function commentsWithConversations(db: Kysely<Database>, cycleId: string, teamId: string): Promise<ListedComment[]> {
  return subtreeComments(db, cycleId, teamId);
}
