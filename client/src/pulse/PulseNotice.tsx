import { useEffect, useRef } from 'react';
import { t, type MessageKey } from '../i18n/messages.js';
import { conversationUrl } from './conversation-api.js';

export type NoticeKind = 'thanks' | 'answered' | 'unknown' | 'closed';

const texts: Record<NoticeKind, [MessageKey, MessageKey]> = {
  thanks: ['pulse.thanksTitle', 'pulse.thanksBody'],
  answered: ['pulse.answeredTitle', 'pulse.answeredBody'],
  unknown: ['pulse.unknownTitle', 'pulse.unknownBody'],
  closed: ['pulse.closedTitle', 'pulse.closedBody'],
};

/** The page for an API status that ends the pulse: unknown link, already answered, closed. */
export const noticeByStatus: Readonly<Record<number, NoticeKind>> = { 404: 'unknown', 409: 'answered', 410: 'closed' };

/** A page of its own for the end of a pulse and for a link that cannot be answered. */
export function PulseNotice({ kind, conversation }: { kind: NoticeKind; conversation?: string | undefined }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [title, body] = texts[kind];
  useEffect(() => {
    document.title = `${t(title)} · ${t('app.name')}`;
    // Moves focus (and a screen reader) to the new page's heading.
    heading.current?.focus();
  }, [title]);
  return (
    <main className={`page pulse pulse-notice pulse-${kind}`}>
      <h1 ref={heading} tabIndex={-1}>
        {t(title)}
      </h1>
      <p>{t(body)}</p>
      {conversation && <ConversationLink token={conversation} />}
    </main>
  );
}

/** After a comment: the private conversation link, shown this once. */
function ConversationLink({ token }: { token: string }) {
  const url = conversationUrl(token);
  return (
    <section aria-labelledby="conversation-link-title" className="conversation-link">
      <h2 id="conversation-link-title">{t('conversation.linkTitle')}</h2>
      <p>{t('conversation.linkIntro')}</p>
      <p className="conversation-url">
        <a href={url}>{url}</a>
      </p>
      <p className="hint">{t('conversation.linkKeep')}</p>
    </section>
  );
}
