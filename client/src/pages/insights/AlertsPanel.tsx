import type { Alert } from '@pulse/shared';
import type { Action } from '@pulse/shared/api/actions';
import { alertKinds, alertLevelsBySeverity } from '@pulse/shared/vocabulary';
import { useState, type FormEvent } from 'react';
import { acknowledgeAlert, useAlertPages, useCurrentTeamAlerts } from '../../api/alerts.js';
import { Field, FormError, Notice } from '../../components/forms.js';
import { Resource } from '../../components/states.js';
import { useAction } from '../../components/use-action.js';
import { t, type MessageKey } from '../../i18n/messages.js';
import { RemedyLinks } from '../../partners/RemedyLinks.js';
import { formatDate } from '../../i18n/dates.js';
import { alertMeaning, signalMove, signalName } from './alert-words.js';

const RESOLVED_PAGE = 10;

/**
 * The team's alerts: open and acknowledged ones in full, resolved ones folded away and loaded
 * ten at a time, newest first. With `onPlanAction`, each current alert offers to plan an action
 * from its suggestions, and says which of the team's `actions` answer it.
 */
export function AlertsPanel({
  teamId,
  actions = [],
  onPlanAction,
}: {
  teamId: string;
  actions?: readonly Action[];
  onPlanAction?: (alert: Alert) => void;
}) {
  const alerts = useCurrentTeamAlerts(teamId);
  const resolved = useAlertPages(`/api/v1/alerts?status=resolved&teamId=${encodeURIComponent(teamId)}&sort=newest&limit=${RESOLVED_PAGE}`);
  const counts = resolved.first.data?.counts;
  const resolvedTotal = counts ? counts.watch + counts.warning + counts.critical : 0;
  // Acknowledged here: shown at once, without reloading the list.
  const [updated, setUpdated] = useState<Record<string, Alert>>({});
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="alerts-title" className="panel" id="alerts" tabIndex={-1}>
      <h2 id="alerts-title">{t('alerts.title')}</h2>
      <Notice>{notice}</Notice>
      <Resource state={alerts}>
        {(data) => {
          const current = data.alerts.map((a) => updated[a.id] ?? a).sort(byUrgency);
          return (
            <>
              {current.length === 0 && (
                <p>{resolved.first.status === 'ready' && resolvedTotal === 0 ? t('alerts.none') : t('alerts.noneOpen')}</p>
              )}
              {current.map((alert) => (
                <AlertCard
                  key={alert.id}
                  alert={alert}
                  actions={actions.filter((a) => a.alertId === alert.id && a.status !== 'dropped')}
                  onPlanAction={onPlanAction}
                  onAcknowledged={(next) => {
                    setUpdated((prev) => ({ ...prev, [next.id]: next }));
                    setNotice(t('alerts.acknowledgedNotice', { kind: t(`alertKind.${next.kind}`) }));
                  }}
                />
              ))}
            </>
          );
        }}
      </Resource>
      {resolvedTotal > 0 && <ResolvedAlerts pages={resolved} total={resolvedTotal} />}
    </section>
  );
}

/** Earlier alerts resolved by later cycles, newest first, a page at a time. */
function ResolvedAlerts({ pages, total }: { pages: ReturnType<typeof useAlertPages>; total: number }) {
  return (
    <details className="resolved-alerts">
      <summary>{t('alerts.resolved', { count: total })}</summary>
      {pages.alerts.map((alert) => (
        <AlertCard key={alert.id} alert={alert} />
      ))}
      {pages.failed && (
        <p role="alert" className="state state-error">
          {t('alertPages.failed')}
        </p>
      )}
      {pages.hasMore && (
        <button type="button" className="button-secondary" disabled={pages.busy} onClick={() => void pages.loadMore()}>
          {t('alertPages.more', { shown: pages.alerts.length, total })}
        </button>
      )}
    </details>
  );
}

/** The most severe first; at one level, the fortress pattern before its parts. */
export const byUrgency = (a: Alert, b: Alert) =>
  alertLevelsBySeverity.indexOf(a.level) - alertLevelsBySeverity.indexOf(b.level) ||
  alertKinds.indexOf(a.kind) - alertKinds.indexOf(b.kind);

function AlertCard({
  alert,
  actions = [],
  onPlanAction,
  onAcknowledged,
}: {
  alert: Alert;
  actions?: readonly Action[];
  onPlanAction?: ((alert: Alert) => void) | undefined;
  onAcknowledged?: (alert: Alert) => void;
}) {
  const titleId = `alert-${alert.id}`;
  return (
    <article className={`alert-card alert-${alert.level}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className={`badge level-${alert.level}`}>{t(`level.${alert.level}`)}</span> {t(`alertKind.${alert.kind}`)}
        <span className="alert-meta">
          {' '}
          · {alert.cycleLabel} · {t(`alertStatus.${alert.status}`)}
        </span>
      </h3>
      <p>{alertMeaning(alert)}</p>
      <h4>{t('alerts.changedTitle')}</h4>
      <ul>
        {alert.signals.map((s, i) => (
          <li key={`${s.construct}-${s.facet ?? ''}-${i}`}>
            <strong>{signalName(s)}</strong>: {signalMove(s)}
          </li>
        ))}
      </ul>
      <h4>{t('alerts.todoTitle')}</h4>
      <RemedyLinks actions={alert.actions} />
      {actions.map((a) => (
        <p key={a.id} className={`alert-action status-${a.status}`}>
          {t('actions.onAlert', { status: t(`actions.status.${a.status}`).toLowerCase(), title: a.title })}
        </p>
      ))}
      {onPlanAction && (
        <button type="button" className="button-plan" onClick={() => onPlanAction(alert)}>
          {t('actions.planFromAlert')}
          <span className="visually-hidden"> {t(`alertKind.${alert.kind}`)}</span>
        </button>
      )}
      <details className="alert-evidence">
        <summary>{t('alerts.evidence')}</summary>
        <p>{alert.summary}</p>
        <p>{t('alerts.evidenceIntro')}</p>
        <ul>
          {alert.signals.map((s, i) => (
            <li key={`${s.construct}-${s.facet ?? ''}-${i}`}>
              {signalName(s)}: {s.evidence}
            </li>
          ))}
        </ul>
      </details>
      {alert.status === 'acknowledged' && (
        <p className="alert-note">
          {t('alerts.acknowledgedOn', { date: alert.acknowledgedAt ? formatDate(alert.acknowledgedAt) : '' })} “{alert.note}”
        </p>
      )}
      {alert.status === 'open' && onAcknowledged && <AcknowledgeForm alert={alert} onDone={onAcknowledged} />}
    </article>
  );
}

function AcknowledgeForm({ alert, onDone }: { alert: Alert; onDone(alert: Alert): void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const action = useAction(acknowledgeAlert);
  const kind: MessageKey = `alertKind.${alert.kind}`;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('alerts.acknowledge')}
        <span className="visually-hidden"> {t(kind)}</span>
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run(alert.id, { note });
    if (result) onDone(result.alert);
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t('alerts.note')} hint={t('alerts.noteHint')}>
        {(props) => <textarea {...props} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormError error={action.error} />
      <div className="actions">
        <button type="submit" disabled={action.pending}>
          {t('alerts.saveAcknowledge')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('alerts.cancel')}
        </button>
      </div>
    </form>
  );
}
