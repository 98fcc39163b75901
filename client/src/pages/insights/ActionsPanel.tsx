import type { Alert, Construct } from '@pulse/shared';
import type { Action, ActionStatus, TeamActionsResponse } from '@pulse/shared/api/actions';
import { remedies } from '@pulse/shared/insights/remedies';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { createAction, updateAction } from '../../api/actions.js';
import { Field, FormError, Notice } from '../../components/forms.js';
import { useSession } from '../../components/SessionProvider.js';
import { useAction } from '../../components/use-action.js';
import { t } from '../../i18n/messages.js';
import { dueText, effectText, feedbackText } from './action-text.js';

const CONSTRUCTS: Construct[] = ['autonomy', 'competence', 'relatedness', 'openness'];

/** What the create form starts with: empty, or an alert's first suggested action. */
export interface ActionDraft {
  key: string;
  title: string;
  construct?: Construct | undefined;
  alertId?: string | undefined;
  remedy?: string | undefined;
  /** The alert's suggested actions, offered as the remedy. */
  suggestions: readonly string[];
}

/** A short title from a remedy's text: the part before its colon or first sentence. */
const titleOf = (remedy: string) => remedy.split(/[:.]/)[0]!.trim().slice(0, 200);

/** The draft an alert's "Plan an action" opens: its first suggestion, aimed at the need that fell most. */
export function draftFromAlert(alert: Alert): ActionDraft {
  const fallen = alert.signals
    .filter((s): s is typeof s & { construct: Construct } => s.construct !== 'participation' && s.facet !== 'frustration')
    .sort((a, b) => a.change - b.change)[0];
  const remedy = alert.actions[0];
  return {
    key: `${alert.id}:${Date.now()}`,
    title: remedy ? titleOf(remedy) : '',
    construct: fallen?.construct,
    alertId: alert.id,
    remedy,
    suggestions: alert.actions,
  };
}

/**
 * The team's actions: plan one (from an alert, pre-filled, or from scratch), move it along
 * planned → in progress → done (or drop it with a reason), and read the team's feedback and the
 * effect on the need it targets, with its interval.
 */
export function ActionsPanel({
  teamId,
  data,
  draft,
  onDraft,
  onChanged,
}: {
  teamId: string;
  data: TeamActionsResponse;
  draft: ActionDraft | null;
  onDraft(draft: ActionDraft | null): void;
  onChanged(): void;
}) {
  const [notice, setNotice] = useState('');
  const active = data.actions.filter((a) => a.status === 'planned' || a.status === 'in_progress');
  const finished = data.actions.filter((a) => a.status === 'done' || a.status === 'dropped');
  return (
    <section aria-labelledby="actions-title" className="panel" id="actions">
      <h2 id="actions-title">{t('actions.title')}</h2>
      <p className="hint">{t('actions.intro')}</p>
      <Notice>{notice}</Notice>
      {draft ? (
        <ActionForm
          key={draft.key}
          teamId={teamId}
          draft={draft}
          owners={data.owners}
          onCancel={() => onDraft(null)}
          onDone={(action) => {
            setNotice(t('actions.committed', { title: action.title }));
            onDraft(null);
            onChanged();
          }}
        />
      ) : (
        <button type="button" onClick={() => onDraft({ key: String(Date.now()), title: '', suggestions: [] })}>
          {t('actions.plan')}
        </button>
      )}
      {data.actions.length === 0 && !draft && <p>{t('actions.none')}</p>}
      {[...active, ...finished].map((action) => (
        <ActionCard
          key={action.id}
          action={action}
          onChanged={(next) => {
            setNotice(t('actions.changed', { title: next.title, status: t(`actions.status.${next.status}`) }));
            onChanged();
          }}
        />
      ))}
    </section>
  );
}

function ActionForm({
  teamId,
  draft,
  owners,
  onCancel,
  onDone,
}: {
  teamId: string;
  draft: ActionDraft;
  owners: TeamActionsResponse['owners'];
  onCancel(): void;
  onDone(action: Action): void;
}) {
  const { user } = useSession();
  const [title, setTitle] = useState(draft.title);
  const [construct, setConstruct] = useState<string>(draft.construct ?? '');
  const [remedy, setRemedy] = useState(draft.remedy ?? '');
  const [ownerId, setOwnerId] = useState(owners.some((o) => o.id === user?.id) ? user!.id : '');
  const [dueAt, setDueAt] = useState('');
  const action = useAction(createAction);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    titleRef.current?.focus();
    titleRef.current?.scrollIntoView?.({ block: 'center' });
  }, []);
  const remedyOptions = [...new Set([...draft.suggestions, ...Object.values(remedies)])];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run(teamId, {
      title,
      ...(construct ? { construct: construct as Construct } : {}),
      ...(draft.alertId ? { alertId: draft.alertId } : {}),
      ...(remedy ? { remedy } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(dueAt ? { dueAt } : {}),
    });
    if (result) onDone(result.action);
  };
  return (
    <form className="stack action-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('actions.plan')}>
      <Field label={t('actions.formTitle')} hint={t('actions.formHint')}>
        {(props) => (
          <input {...props} ref={titleRef} type="text" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <Field label={t('actions.construct')}>
        {(props) => (
          <select {...props} value={construct} onChange={(e) => setConstruct(e.target.value)}>
            <option value="">{t('actions.constructNone')}</option>
            {CONSTRUCTS.map((c) => (
              <option key={c} value={c}>
                {t(`construct.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('actions.remedy')}>
        {(props) => (
          <select {...props} value={remedy} onChange={(e) => setRemedy(e.target.value)}>
            <option value="">{t('actions.remedyOwn')}</option>
            {remedyOptions.map((r) => (
              <option key={r} value={r}>
                {titleOf(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="action-form-row">
        <Field label={t('actions.owner')}>
          {(props) => (
            <select {...props} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              <option value="">{t('actions.ownerNone')}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({t(`role.${o.role}`)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('actions.due')}>
          {(props) => <input {...props} type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />}
        </Field>
      </div>
      <FormError error={action.error} />
      <div className="actions">
        <button type="submit" disabled={action.pending}>
          {t('actions.commit')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One action: status, owner, due date, the team's feedback and the effect, and its next steps. */
export function ActionCard({
  action,
  onChanged,
  showTeam = false,
}: {
  action: Action;
  onChanged?(action: Action): void;
  showTeam?: boolean;
}) {
  const titleId = `action-${action.id}`;
  const effect = effectText(action);
  const feedback = feedbackText(action);
  return (
    <article className={`action-card action-${action.status}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className={`badge status-${action.status}`}>{t(`actions.status.${action.status}`)}</span>
        {action.overdue && <span className="badge status-overdue">{t('actions.overdue')}</span>} {action.title}
        {showTeam && (
          <span className="alert-meta">
            {' · '}
            <Link href={`/insights/teams/${action.teamId}`}>{action.teamName}</Link>
          </span>
        )}
      </h3>
      <p className="action-meta">{t('actions.meta', { owner: action.ownerName ?? t('actions.ownerNone'), due: dueText(action.dueAt) })}</p>
      {effect && (
        <p className={`action-effect effect-${action.effect!.verdict}`}>
          {effect.headline}
          {effect.detail && <span className="hint"> {effect.detail}</span>}
        </p>
      )}
      {feedback && <p className="action-feedback">{feedback}</p>}
      {action.status === 'dropped' && action.note && <p className="alert-note">{t('actions.droppedBecause', { note: action.note })}</p>}
      {onChanged && <ActionSteps action={action} onChanged={onChanged} />}
    </article>
  );
}

const next: Record<ActionStatus, { status: ActionStatus; label: 'actions.start' | 'actions.finish' } | null> = {
  planned: { status: 'in_progress', label: 'actions.start' },
  in_progress: { status: 'done', label: 'actions.finish' },
  done: null,
  dropped: null,
};

function ActionSteps({ action, onChanged }: { action: Action; onChanged(action: Action): void }) {
  const [dropping, setDropping] = useState(false);
  const [note, setNote] = useState('');
  const run = useAction(updateAction);
  const step = next[action.status];
  if (!step) return null;
  const change = async (body: Parameters<typeof updateAction>[1]) => {
    const result = await run.run(action.id, body);
    if (result) onChanged(result.action);
  };
  const hidden = <span className="visually-hidden"> {action.title}</span>;
  return (
    <div className="stack">
      {dropping ? (
        <form className="stack" noValidate onSubmit={(e) => (e.preventDefault(), void change({ status: 'dropped', note }))}>
          <Field label={t('actions.dropReason')}>
            {(props) => <textarea {...props} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" disabled={run.pending}>
              {t('actions.dropConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setDropping(false)}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" disabled={run.pending} onClick={() => void change({ status: step.status })}>
            {t(step.label)}
            {hidden}
          </button>
          <button type="button" className="button-secondary" onClick={() => setDropping(true)}>
            {t('actions.drop')}
            {hidden}
          </button>
        </div>
      )}
      <FormError error={run.error} />
    </div>
  );
}
