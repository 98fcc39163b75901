import type { Pulse } from '@pulse/shared/api/pulse';
import { t } from '../i18n/messages.js';
import { RatingScale } from './RatingScale.js';

export type PartnerAnswers = Record<string, Record<string, number>>;

/** The field id of one partner statement (radio group name, error key, link target). */
export const partnerField = (teamId: string, itemId: string) => `partner-${teamId}-${itemId}`;

/**
 * "Teams you relied on this month": for each provider team, a "we did not ask them" box and
 * its two statements. Optional: a team left unanswered, or ticked, is simply not rated.
 */
export function PartnerSection({
  partners,
  answers,
  notAsked,
  errors,
  onAnswer,
  onNotAsked,
}: {
  partners: Pulse['partners'];
  answers: PartnerAnswers;
  notAsked: ReadonlySet<string>;
  errors: Record<string, string>;
  onAnswer: (teamId: string, itemId: string, value: number) => void;
  onNotAsked: (teamId: string, notAsked: boolean) => void;
}) {
  if (partners.length === 0) return null;
  return (
    <section className="pulse-partners" aria-labelledby="pulse-partners-title">
      <h2 id="pulse-partners-title">{t('pulse.partnersTitle')}</h2>
      <p className="hint">{t('pulse.partnersIntro')}</p>
      {partners.map((partner) => (
        <fieldset key={partner.teamId} className="partner">
          <legend>{partner.name}</legend>
          <label className="partner-not-asked">
            <input type="checkbox" checked={notAsked.has(partner.teamId)} onChange={(e) => onNotAsked(partner.teamId, e.target.checked)} />{' '}
            {t('pulse.notAsked')}
          </label>
          {!notAsked.has(partner.teamId) &&
            partner.items.map((item) => {
              const id = partnerField(partner.teamId, item.id);
              return (
                <RatingScale
                  key={id}
                  item={{ ...item, id }}
                  value={answers[partner.teamId]?.[item.id]}
                  error={errors[id]}
                  onChange={(v) => onAnswer(partner.teamId, item.id, v)}
                />
              );
            })}
        </fieldset>
      ))}
    </section>
  );
}

/**
 * The ratings to send: every team with both statements answered and not ticked. A team with one
 * statement answered is an error on the other, named so the page can point at it.
 */
export function partnerSubmission(
  partners: Pulse['partners'],
  answers: PartnerAnswers,
  notAsked: ReadonlySet<string>,
): { send: PartnerAnswers; missing: Record<string, string> } {
  const send: PartnerAnswers = {};
  const missing: Record<string, string> = {};
  for (const partner of partners) {
    const given = answers[partner.teamId] ?? {};
    if (notAsked.has(partner.teamId) || Object.keys(given).length === 0) continue;
    const open = partner.items.filter((item) => given[item.id] === undefined);
    if (open.length === 0) send[partner.teamId] = given;
    for (const item of open) missing[partnerField(partner.teamId, item.id)] = t('pulse.partnerIncomplete', { team: partner.name });
  }
  return { send, missing };
}
