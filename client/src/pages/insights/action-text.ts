import type { Action } from '@pulse/shared/api/actions';
import { formatDate } from '../../i18n/dates.js';
import { t } from '../../i18n/messages.js';

const signed = (value: number) => {
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${-rounded}` : '0';
};
const whole = (value: number | null) => (value === null ? '–' : String(Math.round(value)));

/** The effect in plain words, with its interval; null for an action that targets no need. */
export function effectText(action: Action): { headline: string; detail?: string } | null {
  const effect = action.effect;
  if (!effect) return null;
  const construct = t(`construct.${effect.construct}`);
  if (effect.verdict === 'too_early' || effect.difference === null) {
    if (!action.startedAt) return { headline: t('actions.effectNotStarted', { construct }) };
    if (effect.beforeCycles === 0) return { headline: t('actions.effectNoBefore', { construct }) };
    return { headline: t('actions.effectTooEarly', { construct, after: effect.afterCycles }) };
  }
  return {
    headline: t('actions.effect', {
      construct,
      verdict: t(`actions.verdict.${effect.verdict}`),
      difference: signed(effect.difference),
      comparison: effect.comparisonName,
      low: signed(effect.ciLow!),
      high: signed(effect.ciHigh!),
    }),
    detail: t('actions.effectDetail', {
      team: signed(effect.teamChange!),
      comparison: effect.comparisonName,
      other: signed(effect.comparisonChange!),
      before: effect.beforeCycles,
      after: effect.afterCycles,
    }),
  };
}

/** The team's own feedback in plain words, or null when it has none yet and is not in progress. */
export function feedbackText(action: Action): string | null {
  const feedback = action.feedback;
  if (feedback?.score) {
    const { mean, ciLow, ciHigh, n } = feedback.score;
    return t('actions.feedback', { cycle: feedback.cycleLabel, mean: whole(mean), low: whole(ciLow), high: whole(ciHigh), n });
  }
  if (feedback?.reason) return t('actions.feedbackHidden', { reason: feedback.reason });
  return action.status === 'in_progress' ? t('actions.feedbackNone') : null;
}

/** "due 12 Jan 2027" for a YYYY-MM-DD date, or that there is none. */
export const dueText = (due: string | null) => (due ? t('actions.dueOn', { date: formatDate(due) }) : t('actions.noDue'));
