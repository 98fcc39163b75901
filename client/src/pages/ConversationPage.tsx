import { CONVERSATION_MESSAGE_MAX_LENGTH } from '@pulse/shared/limits';
import { useEffect, useState, type FormEvent } from 'react';
import { useResource } from '../api/use-resource.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { ErrorState, Loading } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';
import { answerBack, fetchConversation, keepConversation } from '../pulse/conversation-api.js';
import { ConversationMessages } from '../pulse/ConversationMessages.js';
import '../pulse/pulse.css';

/**
 * The author's private conversation on their comment, opened from the link the thank-you page
 * showed once; no login, the token is the key, and nobody else knows who holds it.
 */
export default function ConversationPage({ token }: { token: string }) {
  const conversation = useResource(`conversation:${token}`, () => fetchConversation(token));
  const [body, setBody] = useState('');
  const [sent, setSent] = useState('');
  const send = useAction((text: string) => answerBack(token, text));
  useEffect(() => {
    document.title = `${t('conversation.title')} · ${t('app.name')}`;
    keepConversation(token);
  }, [token]);

  if (conversation.status === 'loading') return <Loading />;
  if (conversation.status === 'error') {
    return (
      <main className="page pulse">
        <h1>{t('conversation.title')}</h1>
        {conversation.error.status === 404 ? (
          <p>{t('conversation.unknown')}</p>
        ) : (
          <ErrorState message={conversation.error.message} onRetry={conversation.reload} />
        )}
      </main>
    );
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent('');
    if (!(await send.run(body))) return;
    setBody('');
    setSent(t('conversation.sent'));
    conversation.reload();
  }
  const { comment, messages } = conversation.data;
  return (
    <main className="page pulse conversation">
      <h1>{t('conversation.title')}</h1>
      <p className="hint">{t('conversation.privacy')}</p>
      <h2>{t('conversation.yourComment')}</h2>
      <blockquote className="conversation-comment">{comment}</blockquote>
      {messages.length === 0 ? <p>{t('conversation.noReplies')}</p> : <ConversationMessages messages={messages} />}
      <form onSubmit={(e) => void submit(e)} aria-label={t('conversation.answerForm')}>
        <Field label={t('conversation.answerLabel')} hint={t('conversation.answerHint', { max: CONVERSATION_MESSAGE_MAX_LENGTH })}>
          {(props) => (
            <textarea
              {...props}
              rows={4}
              maxLength={CONVERSATION_MESSAGE_MAX_LENGTH}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <FormError error={send.error} />
        <button type="submit" disabled={send.pending || !body.trim()}>
          {t('conversation.send')}
        </button>
        <Notice>{sent}</Notice>
      </form>
    </main>
  );
}
