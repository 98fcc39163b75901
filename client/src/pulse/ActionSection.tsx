import type { Pulse } from '@pulse/shared/api/pulse';
import { t } from '../i18n/messages.js';

/** Answers about the team's actions: 1–5, or 0 for "Not noticed yet" (not sent, not counted). */
export type ActionAnswers = Record<string, number>;

/**
 * "What your team is changing": each action in progress (at most two) with its one optional
 * statement and a "Not noticed yet" choice, all in one radio group per action.
 */
export function ActionSection({
  actions,
  answers,
  onAnswer,
}: {
  actions: Pulse['actions'];
  answers: ActionAnswers;
  onAnswer: (id: string, value: number) => void;
}) {
  if (actions.length === 0) return null;
  return (
    <section className="pulse-actions" aria-labelledby="pulse-actions-title">
      <h2 id="pulse-actions-title">{t('pulse.actionsTitle')}</h2>
      <p className="hint">{t('pulse.actionsIntro')}</p>
      {actions.map((action) => {
        const { min, max, labels } = action.item.scale;
        const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
        const name = `action-${action.id}`;
        return (
          <fieldset key={action.id} id={`q-${name}`} className="scale">
            <legend>
              <strong>{action.title}</strong>: {action.item.text}
            </legend>
            <div className="scale-options">
              {values.map((v, i) => (
                <label key={v} className="scale-option">
                  <input type="radio" name={name} value={v} checked={answers[action.id] === v} onChange={() => onAnswer(action.id, v)} />
                  <span className="scale-number" aria-hidden="true">
                    {v}
                  </span>
                  <span className="scale-label">{labels[i] ?? v}</span>
                </label>
              ))}
              <label className="scale-option scale-not-noticed">
                <input type="radio" name={name} value={0} checked={answers[action.id] === 0} onChange={() => onAnswer(action.id, 0)} />
                <span className="scale-label">{action.item.notNoticed}</span>
              </label>
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}

/** The answers to send: only real ratings; "Not noticed yet" and unanswered actions are left out. */
export const actionSubmission = (answers: ActionAnswers): ActionAnswers =>
  Object.fromEntries(Object.entries(answers).filter(([, v]) => v > 0));
