import { z } from 'zod';
import { CONVERSATION_MESSAGE_MAX_LENGTH } from '../limits.js';
export { CONVERSATION_MESSAGE_MAX_LENGTH };

/** One message of a conversation: who spoke by role only, and the day (YYYY-MM-DD), never the time. */
export const zConversationMessage = z.object({
  from: z.enum(['author', 'leader', 'hr']),
  body: z.string(),
  at: z.string(),
});
export type ConversationMessage = z.infer<typeof zConversationMessage>;

/** A comment as the comments list shows it: a random id, its text and the conversation after it. */
export const zListedComment = z.object({ id: z.uuid(), text: z.string(), replies: z.array(zConversationMessage) });
export type ListedComment = z.infer<typeof zListedComment>;

export const zConversationParams = z.object({ token: z.string().min(1).max(200) });

/** GET /api/v1/conversations/:token */
export const zConversation = z.object({ comment: z.string(), messages: z.array(zConversationMessage) });
export type Conversation = z.infer<typeof zConversation>;

/** POST /api/v1/conversations/:token and POST /api/v1/comments/:id/replies */
export const zMessageBody = z.object({ body: z.string().trim().min(1).max(CONVERSATION_MESSAGE_MAX_LENGTH) });
export type MessageBody = z.infer<typeof zMessageBody>;

export const zCommentParams = z.object({ id: z.uuid() });

/** 201 body of either POST: the message as stored. */
export const zMessageSent = z.object({ message: zConversationMessage });
