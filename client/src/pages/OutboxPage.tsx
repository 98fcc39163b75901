import { Link } from 'wouter';
import { useOutbox, useOutboxMessage } from '../api/outbox.js';
import { Resource } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { formatDateTime } from '../i18n/dates.js';
import { MessageList } from './outbox/MessageList.js';

/** A link from a message as it was sent, plus the same page here when PUBLIC_URL points elsewhere. */
function MailLink({ href }: { href: string }) {
  const url = new URL(href);
  const local = url.origin !== window.location.origin && `${url.pathname}${url.search}`;
  return (
    <li>
      <a href={href} className="break">
        {href}
      </a>
      {local && (
        <>
          {' '}
          <a href={local}>{t('outbox.openHere')}</a>
        </>
      )}
    </li>
  );
}

function MessageView({ id }: { id: string }) {
  const message = useOutboxMessage(id);
  return (
    <Resource state={message}>
      {(m) => (
        <article className="panel" aria-labelledby="message-subject">
          <h2 id="message-subject">{m.subject}</h2>
          <dl className="meta">
            <dt>{t('outbox.from')}</dt>
            <dd>{m.from}</dd>
            <dt>{t('outbox.to')}</dt>
            <dd>{m.to}</dd>
            <dt>{t('outbox.date')}</dt>
            <dd>
              <time dateTime={m.at}>{formatDateTime(m.at)}</time>
            </dd>
          </dl>
          {m.links.length > 0 && (
            <>
              <h3>{t('outbox.links')}</h3>
              <ul>
                {m.links.map((href) => (
                  <MailLink key={href} href={href} />
                ))}
              </ul>
            </>
          )}
          <pre className="mail-text">{m.text}</pre>
        </article>
      )}
    </Resource>
  );
}

/** Embedded mail mode: what was "sent", so a newcomer can follow invitation links. */
export function OutboxPage({ id }: { id?: string | undefined }) {
  const outbox = useOutbox();
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      {id && (
        <>
          <p>
            <Link href="/outbox">{t('outbox.back')}</Link>
          </p>
          <MessageView id={id} />
        </>
      )}
      {!id && (
        <Resource state={outbox}>
          {(data) =>
            data.mode === 'smtp' ? (
              <p className="state">{t('outbox.smtp')}</p>
            ) : data.messages.length === 0 ? (
              <p className="state state-empty">{t('outbox.empty')}</p>
            ) : (
              <>
                <p>{t('outbox.intro', { total: data.total })}</p>
                <MessageList messages={data.messages} />
              </>
            )
          }
        </Resource>
      )}
    </>
  );
}
