import type { Ref } from 'react';
import { t } from '../i18n/messages.js';

/**
 * What stops the pulse from being sent, above the form: each unanswered statement as a link to
 * it, a failed send, a comment that was refused. Focused after a failed submit.
 */
export function ErrorSummary({
  ref,
  missing,
  failure,
  commentError,
}: {
  ref: Ref<HTMLDivElement>;
  missing: { id: string; text: string }[];
  failure: string | undefined;
  commentError: string | undefined;
}) {
  return (
    <div ref={ref} tabIndex={-1} className="pulse-summary">
      {(missing.length > 0 || failure || commentError) && (
        <div className="state state-error" role="alert">
          {failure && <p>{failure}</p>}
          {missing.length > 0 && (
            <>
              <p>{t('pulse.summary', { count: missing.length })}</p>
              <ul>
                {missing.map((field) => (
                  <li key={field.id}>
                    <a href={`#q-${field.id}`}>{field.text}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {commentError && <p>{`${t('pulse.commentLabel')}: ${commentError}`}</p>}
        </div>
      )}
    </div>
  );
}
