import type { Pulse } from '@pulse/shared/api/pulse';
import { useRef, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { ActionSection, actionSubmission, type ActionAnswers } from './ActionSection.js';
import { partnerField, PartnerSection, partnerSubmission, type PartnerAnswers } from './PartnerSection.js';
import { keepConversation } from './conversation-api.js';
import { sendPulse } from './pulse-api.js';
import { noticeByStatus, type NoticeKind } from './PulseNotice.js';
import { RatingScale, type ScaleItem } from './RatingScale.js';
import { CommentField } from './CommentField.js';
import { ErrorSummary } from './ErrorSummary.js';
import { ExtraItemsSection } from './ExtraItemsSection.js';
import { ValuesSection } from './ValuesSection.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import type { Language } from '@pulse/shared/languages';
import { formatDateTime } from '../i18n/dates.js';

/** Field errors by field id (item id, partner field, or `comment`), from a 400's `details`. */
function fieldErrors(error: ApiRequestError): Record<string, string> {
  return Object.fromEntries(
    error.details.map((d) => {
      const partner = /^partnerAnswers\.([^.]+)\.(.+)$/.exec(d.path);
      return [partner ? partnerField(partner[1]!, partner[2]!) : d.path.replace(/^answers\./, ''), d.message];
    }),
  );
}

/** The questionnaire, the team's values item, eNPS and HR's questions and the partner section, with progress, validation and sending; ends in `onDone`. */
export function PulseForm({
  token,
  pulse,
  switching,
  onLanguage,
  onDone,
}: {
  token: string;
  pulse: Pulse;
  switching: boolean;
  onLanguage: (language: Language) => void;
  onDone: (kind: NoticeKind, conversation?: string) => void;
}) {
  // Every statement that needs an answer, in page order: the questionnaire's, the values item of
  // a team with values, then eNPS and HR's questions.
  const required: ScaleItem[] = [
    ...pulse.questionnaire.items,
    ...(pulse.values ? [pulse.values.item] : []),
    ...(pulse.questionnaire.extraItems ?? []),
  ];
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [partnerAnswers, setPartnerAnswers] = useState<PartnerAnswers>({});
  const [actionAnswers, setActionAnswers] = useState<ActionAnswers>({});
  const [notAsked, setNotAsked] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const answered = required.filter((item) => answers[item.id] !== undefined).length;
  const closes = formatDateTime(pulse.cycle.closesAt);
  // What the summary lists, in page order: each a link to its statement.
  const partnerFields = pulse.partners.flatMap((p) => p.items.map((item) => ({ id: partnerField(p.teamId, item.id) })));
  const missing = [...required.map((item) => ({ id: item.id, text: item.text })), ...partnerFields.map((f) => ({ id: f.id, text: errors[f.id] ?? '' }))].filter(
    (field) => errors[field.id],
  );

  const solved = (id: string) => setErrors(({ [id]: _solved, ...rest }) => rest);
  function choose(id: string, value: number) {
    setAnswers((previous) => ({ ...previous, [id]: value }));
    solved(id);
  }
  function ratePartner(teamId: string, itemId: string, value: number) {
    setPartnerAnswers((previous) => ({ ...previous, [teamId]: { ...previous[teamId], [itemId]: value } }));
    const partner = pulse.partners.find((p) => p.teamId === teamId)!;
    for (const item of partner.items) solved(partnerField(teamId, item.id));
  }
  function markNotAsked(teamId: string, value: boolean) {
    setNotAsked((previous) => {
      const next = new Set(previous);
      if (value) next.add(teamId);
      else next.delete(teamId);
      return next;
    });
    if (value) {
      setPartnerAnswers(({ [teamId]: _dropped, ...rest }) => rest);
      for (const item of pulse.partners.find((p) => p.teamId === teamId)!.items) solved(partnerField(teamId, item.id));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const unanswered = Object.fromEntries(required.filter((i) => answers[i.id] === undefined).map((i) => [i.id, t('pulse.required')]));
    const partners = partnerSubmission(pulse.partners, partnerAnswers, notAsked);
    if (Object.keys(unanswered).length || Object.keys(partners.missing).length) {
      setErrors({ ...unanswered, ...partners.missing });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSending(true);
    try {
      const received = await sendPulse(token, {
        answers,
        ...(comment.trim() ? { comment } : {}),
        ...(Object.keys(partners.send).length ? { partnerAnswers: partners.send } : {}),
        ...(Object.keys(actionSubmission(actionAnswers)).length ? { actionAnswers: actionSubmission(actionAnswers) } : {}),
      });
      if (received.conversation) keepConversation(received.conversation.token);
      onDone('thanks', received.conversation?.token);
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

  const scale = (item: ScaleItem) => (
    <RatingScale key={item.id} item={item} value={answers[item.id]} error={errors[item.id]} onChange={(v) => choose(item.id, v)} />
  );

  return (
    <main className="page pulse">
      <header className="pulse-header">
        <LanguageSwitch value={pulse.language} busy={switching} onChange={onLanguage} />
        <h1>{t('pulse.heading', { label: pulse.cycle.label })}</h1>
        <p className="pulse-team">{t('pulse.team', { team: pulse.team.name })}</p>
        <p>{t('pulse.intro', { count: required.length, closes })}</p>
      </header>
      <div className="pulse-progress">
        <p id="pulse-progress-text">{t('pulse.progress', { answered, total: required.length })}</p>
        <progress max={required.length} value={answered} aria-labelledby="pulse-progress-text" />
      </div>
      <ErrorSummary ref={summary} missing={missing} failure={failure} commentError={errors.comment} />
      <form onSubmit={submit} noValidate>
        {pulse.questionnaire.items.map(scale)}
        {pulse.values && <ValuesSection statements={pulse.values.statements}>{scale(pulse.values.item)}</ValuesSection>}
        <ExtraItemsSection items={pulse.questionnaire.extraItems ?? []}>{scale}</ExtraItemsSection>
        <PartnerSection
          partners={pulse.partners}
          answers={partnerAnswers}
          notAsked={notAsked}
          errors={errors}
          onAnswer={ratePartner}
          onNotAsked={markNotAsked}
        />
        <ActionSection actions={pulse.actions} answers={actionAnswers} onAnswer={(id, value) => setActionAnswers((previous) => ({ ...previous, [id]: value }))} />
        <CommentField value={comment} max={pulse.commentMaxLength} onChange={setComment} />
        <button type="submit" disabled={sending}>
          {sending ? t('pulse.sending') : t('pulse.submit')}
        </button>
      </form>
    </main>
  );
}
