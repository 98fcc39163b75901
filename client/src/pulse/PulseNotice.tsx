import { useEffect, useRef } from 'react';
import { t, type MessageKey } from '../i18n/messages.js';

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
export function PulseNotice({ kind }: { kind: NoticeKind }) {
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
    </main>
  );
}
