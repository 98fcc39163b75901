import type { Pulse, PulseSubmission } from '@pulse/shared/api/pulse';
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

/**
 * Every statement that needs an answer, in page order: the questionnaire's, the values item of
 * a team with values, then eNPS and HR's questions.
 */
function requiredItems(pulse: Pulse): ScaleItem[] {
  return [...pulse.questionnaire.items, ...(pulse.values ? [pulse.values.item] : []), ...(pulse.questionnaire.extraItems ?? [])];
}

/** What the error summary lists, in page order: each a link to its statement. */
function missingFields(required: readonly ScaleItem[], partners: Pulse['partners'], errors: Record<string, string>) {
  const partnerFields = partners.flatMap((p) => p.items.map((item) => ({ id: partnerField(p.teamId, item.id) })));
  return [
    ...required.map((item) => ({ id: item.id, text: item.text })),
    ...partnerFields.map((f) => ({ id: f.id, text: errors[f.id] ?? '' })),
  ].filter((field) => errors[field.id]);
}

/** The body sent: the answers, and the comment, partner ratings and action answers when there are any. */
function submission(
  answers: Record<string, number>,
  comment: string,
  partnerAnswers: PartnerAnswers,
  actionAnswers: ActionAnswers,
): PulseSubmission {
  const actions = actionSubmission(actionAnswers);
  return {
    answers,
    ...(comment.trim() ? { comment } : {}),
    ...(Object.keys(partnerAnswers).length ? { partnerAnswers } : {}),
    ...(Object.keys(actions).length ? { actionAnswers: actions } : {}),
  };
}

/**
 * The partner section's state: ratings per partner team and the teams the person was not asked
 * about. A rating, or "not asked", settles that team's errors through `solved`.
 */
function usePartnerAnswers(partners: Pulse['partners'], solved: (id: string) => void) {
  const [partnerAnswers, setPartnerAnswers] = useState<PartnerAnswers>({});
  const [notAsked, setNotAsked] = useState<ReadonlySet<string>>(new Set());
  const solvedTeam = (teamId: string) => {
    for (const item of partners.find((p) => p.teamId === teamId)!.items) solved(partnerField(teamId, item.id));
  };
  function ratePartner(teamId: string, itemId: string, value: number) {
    setPartnerAnswers((previous) => ({ ...previous, [teamId]: { ...previous[teamId], [itemId]: value } }));
    solvedTeam(teamId);
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
      solvedTeam(teamId);
    }
  }
  return { partnerAnswers, notAsked, ratePartner, markNotAsked };
}

/** The pulse's heading, team and closing time, with the language switch and the progress bar. */
function PulseHeader({
  pulse,
  switching,
  onLanguage,
  answered,
  total,
}: {
  pulse: Pulse;
  switching: boolean;
  onLanguage: (language: Language) => void;
  answered: number;
  total: number;
}) {
  return (
    <>
      <header className="pulse-header">
        <LanguageSwitch value={pulse.language} busy={switching} onChange={onLanguage} />
        <h1>{t('pulse.heading', { label: pulse.cycle.label })}</h1>
        <p className="pulse-team">{t('pulse.team', { team: pulse.team.name })}</p>
        <p>{t('pulse.intro', { count: total, closes: formatDateTime(pulse.cycle.closesAt) })}</p>
      </header>
      <div className="pulse-progress">
        <p id="pulse-progress-text">{t('pulse.progress', { answered, total })}</p>
        <progress max={total} value={answered} aria-labelledby="pulse-progress-text" />
      </div>
    </>
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
  const required = requiredItems(pulse);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [actionAnswers, setActionAnswers] = useState<ActionAnswers>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const solved = (id: string) => setErrors(({ [id]: _solved, ...rest }) => rest);
  const { partnerAnswers, notAsked, ratePartner, markNotAsked } = usePartnerAnswers(pulse.partners, solved);

  const answered = required.filter((item) => answers[item.id] !== undefined).length;
  function choose(id: string, value: number) {
    setAnswers((previous) => ({ ...previous, [id]: value }));
    solved(id);
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
      const received = await sendPulse(token, submission(answers, comment, partners.send, actionAnswers));
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
      <PulseHeader pulse={pulse} switching={switching} onLanguage={onLanguage} answered={answered} total={required.length} />
      <ErrorSummary
        ref={summary}
        missing={missingFields(required, pulse.partners, errors)}
        failure={failure}
        commentError={errors.comment}
      />
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
        <ActionSection
          actions={pulse.actions}
          answers={actionAnswers}
          onAnswer={(id, value) => setActionAnswers((previous) => ({ ...previous, [id]: value }))}
        />
        <CommentField value={comment} max={pulse.commentMaxLength} onChange={setComment} />
        <button type="submit" disabled={sending}>
          {sending ? t('pulse.sending') : t('pulse.submit')}
        </button>
      </form>
    </main>
  );
}
