import { t } from '../i18n/messages.js';

/** The optional comment, with what leaders may see of it and a character count. */
export function CommentField({ value, max, onChange }: { value: string; max: number; onChange: (value: string) => void }) {
  return (
    <div className="pulse-comment">
      <label htmlFor="pulse-comment">{t('pulse.commentLabel')}</label>
      <p id="pulse-comment-hint" className="hint">
        {t('pulse.commentHint')}
      </p>
      <textarea
        id="pulse-comment"
        rows={4}
        maxLength={max}
        value={value}
        aria-describedby="pulse-comment-hint pulse-comment-count"
        onChange={(e) => onChange(e.target.value)}
      />
      <p id="pulse-comment-count" className="hint">
        {t('pulse.commentCount', { length: value.length, max })}
      </p>
    </div>
  );
}
