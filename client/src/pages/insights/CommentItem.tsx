import type { ConversationMessage, ListedComment } from '@pulse/shared/api/conversations';
import { CONVERSATION_MESSAGE_MAX_LENGTH } from '@pulse/shared/limits';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { Field, FormError } from '../../components/forms.js';
import { useAction } from '../../components/use-action.js';
import { t } from '../../i18n/messages.js';
import { ConversationMessages } from '../../pulse/ConversationMessages.js';

/** POST /api/v1/comments/:id/replies */
const sendReply = (id: string, body: string) =>
  api<{ message: ConversationMessage }>(`/api/v1/comments/${encodeURIComponent(id)}/replies`, { method: 'POST', json: { body } });

/** One comment, its conversation with the anonymous author, and a box to reply (leaders in scope and HR). */
export function CommentItem({ comment }: { comment: ListedComment }) {
  const [replies, setReplies] = useState(comment.replies);
  const [body, setBody] = useState('');
  const reply = useAction(sendReply);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const sent = await reply.run(comment.id, body);
    if (!sent) return;
    setReplies((r) => [...r, sent.message]);
    setBody('');
  }
  return (
    <li>
      <p className="comment-text">{comment.text}</p>
      {replies.length > 0 && <ConversationMessages messages={replies} />}
      <details>
        <summary>{t('conversation.replyForm')}</summary>
        <form onSubmit={(e) => void submit(e)} aria-label={t('conversation.replyForm')}>
          <Field label={t('conversation.replyLabel')} hint={t('conversation.replyHint')}>
            {(props) => (
              <textarea
                {...props}
                rows={3}
                maxLength={CONVERSATION_MESSAGE_MAX_LENGTH}
                value={body}
                onChange={(e) => setBody(e.target.value)}
              />
            )}
          </Field>
          <FormError error={reply.error} />
          <button type="submit" disabled={reply.pending || !body.trim()}>
            {t('conversation.reply')}
          </button>
        </form>
      </details>
    </li>
  );
}
