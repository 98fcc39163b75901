import type { ConversationMessage } from '@pulse/shared/api/conversations';
import { t, type MessageKey } from '../i18n/messages.js';
import { formatDate } from '../i18n/dates.js';

const fromLabel: Record<ConversationMessage['from'], MessageKey> = {
  author: 'conversation.fromAuthor',
  leader: 'conversation.fromLeader',
  hr: 'conversation.fromHr',
};

/** The messages of a comment's conversation, oldest first, each with who spoke (by role) and the day. */
export function ConversationMessages({ messages }: { messages: ConversationMessage[] }) {
  return (
    <ol className="conversation-messages">
      {messages.map((m, i) => (
        <li key={i} className={`conversation-from-${m.from}`}>
          <p className="conversation-meta">
            {t(fromLabel[m.from])} · <time dateTime={m.at}>{formatDate(m.at)}</time>
          </p>
          <p className="conversation-body">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
