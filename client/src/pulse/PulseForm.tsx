import type { Pulse } from '@pulse/shared/api/pulse';
import { useRef, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { sendPulse } from './pulse-api.js';
import { noticeByStatus, type NoticeKind } from './PulseNotice.js';
import { RatingScale } from './RatingScale.js';

/** Field errors by item id, plus `comment`, from a 400's `details`. */
function fieldErrors(error: ApiRequestError): Record<string, string> {
  return Object.fromEntries(error.details.map((d) => [d.path.replace(/^answers\./, ''), d.message]));
}

/** The questionnaire with progress, validation and sending; ends in `onDone`. */
export function PulseForm({ token, pulse, onDone }: { token: string; pulse: Pulse; onDone: (kind: NoticeKind) => void }) {
  const { items } = pulse.questionnaire;
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const answered = items.filter((item) => answers[item.id] !== undefined).length;
  const missing = items.filter((item) => errors[item.id]);
  const closes = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(pulse.cycle.closesAt));

  function choose(id: string, value: number) {
    setAnswers((previous) => ({ ...previous, [id]: value }));
    setErrors(({ [id]: _solved, ...rest }) => rest);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const unanswered = Object.fromEntries(items.filter((i) => answers[i.id] === undefined).map((i) => [i.id, t('pulse.required')]));
    if (Object.keys(unanswered).length) {
      setErrors(unanswered);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSending(true);
    try {
      await sendPulse(token, { answers, ...(comment.trim() ? { comment } : {}) });
      onDone('thanks');
    } catch (error) {
      const apiError = error instanceof ApiRequestError ? error : new ApiRequestError(0, 'client_error', String(error));
      const outcome = noticeByStatus[apiError.status];
      if (outcome) return onDone(outcome);
      if (apiError.status === 400 && apiError.details.length) setErrors(fieldErrors(apiError));
      else setFailure(t('pulse.sendFailed', { reason: apiError.message }));
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSending(false);
    }
  }

  return (
    <main className="page pulse">
      <header className="pulse-header">
        <h1>{t('pulse.heading', { label: pulse.cycle.label })}</h1>
        <p className="pulse-team">{t('pulse.team', { team: pulse.team.name })}</p>
        <p>{t('pulse.intro', { count: items.length, closes })}</p>
      </header>
      <div className="pulse-progress">
        <p id="pulse-progress-text">{t('pulse.progress', { answered, total: items.length })}</p>
        <progress max={items.length} value={answered} aria-labelledby="pulse-progress-text" />
      </div>
      <div ref={summary} tabIndex={-1} className="pulse-summary">
        {(missing.length > 0 || failure || errors.comment) && (
          <div className="state state-error" role="alert">
            {failure && <p>{failure}</p>}
            {missing.length > 0 && (
              <>
                <p>{missing.length === 1 ? t('pulse.summaryOne') : t('pulse.summary', { count: missing.length })}</p>
                <ul>
                  {missing.map((item) => (
                    <li key={item.id}>
                      <a href={`#q-${item.id}`}>{item.text}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {errors.comment && <p>{`${t('pulse.commentLabel')}: ${errors.comment}`}</p>}
          </div>
        )}
      </div>
      <form onSubmit={submit} noValidate>
        {items.map((item) => (
          <RatingScale key={item.id} item={item} value={answers[item.id]} error={errors[item.id]} onChange={(v) => choose(item.id, v)} />
        ))}
        <div className="pulse-comment">
          <label htmlFor="pulse-comment">{t('pulse.commentLabel')}</label>
          <p id="pulse-comment-hint" className="hint">
            {t('pulse.commentHint')}
          </p>
          <textarea
            id="pulse-comment"
            rows={4}
            maxLength={pulse.commentMaxLength}
            value={comment}
            aria-describedby="pulse-comment-hint pulse-comment-count"
            onChange={(e) => setComment(e.target.value)}
          />
          <p id="pulse-comment-count" className="hint">
            {t('pulse.commentCount', { length: comment.length, max: pulse.commentMaxLength })}
          </p>
        </div>
        <button type="submit" disabled={sending}>
          {sending ? t('pulse.sending') : t('pulse.submit')}
        </button>
      </form>
    </main>
  );
}
