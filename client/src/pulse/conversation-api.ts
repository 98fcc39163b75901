import type { Conversation, ConversationMessage } from '@pulse/shared/api/conversations';
import { api } from '../api/client.js';

const path = (token: string) => `/api/v1/conversations/${encodeURIComponent(token)}`;

/** GET /api/v1/conversations/:token */
export const fetchConversation = (token: string) => api<Conversation>(path(token));

/** POST /api/v1/conversations/:token */
export const answerBack = (token: string, body: string) =>
  api<{ message: ConversationMessage }>(path(token), { method: 'POST', json: { body } });

/** Where this browser keeps its conversation links: the author's only way back besides writing it down. */
const STORAGE_KEY = 'pulse.conversations';

/** Keeps a conversation token in this browser (quietly does nothing where storage is off). */
export function keepConversation(token: string): void {
  try {
    const kept = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    const tokens = Array.isArray(kept) ? kept.filter((x): x is string => typeof x === 'string') : [];
    if (!tokens.includes(token)) localStorage.setItem(STORAGE_KEY, JSON.stringify([...tokens, token]));
  } catch {
    // Private browsing or storage turned off: the page still shows the link to keep.
  }
}

/** The private conversation page of a token. */
export const conversationUrl = (token: string) => `${window.location.origin}/c/${token}`;
