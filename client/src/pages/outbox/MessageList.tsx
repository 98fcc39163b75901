import type { OutboxMessage } from '@pulse/shared';
import { useState } from 'react';
import { Link } from 'wouter';
import { Field } from '../../components/forms.js';
import { formatDateTime } from '../../i18n/dates.js';
import { t } from '../../i18n/messages.js';

const PAGE = 25;

/** The outbox's messages, newest first, a page at a time, narrowed by recipient or subject. */
export function MessageList({ messages }: { messages: OutboxMessage[] }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const needle = query.trim().toLowerCase();
  const matching = needle ? messages.filter((m) => `${m.to} ${m.subject}`.toLowerCase().includes(needle)) : messages;
  return (
    <>
      <Field label={t('outbox.filter')} hint={t('outbox.filterHint')}>
        {(props) => (
          <input
            {...props}
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setShown(PAGE);
            }}
          />
        )}
      </Field>
      <p role="status">{t('outbox.showing', { shown: Math.min(shown, matching.length), total: matching.length })}</p>
      <ul className="message-list">
        {matching.slice(0, shown).map((m) => (
          <li key={m.id}>
            <Link href={`/outbox/${encodeURIComponent(m.id)}`}>{m.subject || t('outbox.noSubject')}</Link>
            <span className="hint"> {t('outbox.toWhen', { to: m.to, when: formatDateTime(m.at) })}</span>
          </li>
        ))}
      </ul>
      {shown < matching.length && (
        <button type="button" className="button-secondary" onClick={() => setShown((n) => n + PAGE)}>
          {t('outbox.more', { count: Math.min(PAGE, matching.length - shown) })}
        </button>
      )}
    </>
  );
}
