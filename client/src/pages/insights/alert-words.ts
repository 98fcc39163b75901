import type { Alert } from '@pulse/shared';
import { t, type MessageKey } from '../../i18n/messages.js';

type Signal = Alert['signals'][number];

/** "Critical: Legal is closing itself off": the level, then what is happening, in plain words. */
export const alertHeadline = (alert: Alert) => `${t(`level.${alert.level}`)}: ${t(`alertWords.${alert.kind}`, { team: alert.teamName })}`;

/** What the alert means for the team, without statistics. */
export function alertMeaning(alert: Alert): string {
  if (alert.kind !== 'need_drop') return t(`alertMeaning.${alert.kind}`, { team: alert.teamName });
  const needs = alert.signals
    .filter((s) => s.construct !== 'participation' && s.change < 0)
    .map((s) => t(`need.${s.construct as 'autonomy'}`));
  return t('alertMeaning.need_drop', { needs: needs.join(t('words.and')) });
}

/** Which measure a signal is about, telling the team's own openness from its partners' view. */
export function signalName(s: Signal): string {
  if (s.construct === 'participation') return t('signalName.participation');
  if (s.facet === 'partner') return t('signalName.partner');
  if (s.facet === 'frustration')
    return t(s.construct === 'competence' ? 'signalName.competenceFrustration' : 'signalName.autonomyFrustration');
  return t(`signalName.${s.construct}`);
}

/** "fell 19 points": the one number the alert quotes for this drop (rounded as its summary is). */
export function signalMove(s: Signal): string {
  const n = Math.round(Math.abs(s.change));
  if (n === 0) return t('signalMove.same');
  const key: MessageKey =
    s.construct === 'participation'
      ? s.change < 0
        ? 'signalMove.fellRate'
        : 'signalMove.roseRate'
      : s.change < 0
        ? 'signalMove.fell'
        : 'signalMove.rose';
  return t(key, { n });
}
