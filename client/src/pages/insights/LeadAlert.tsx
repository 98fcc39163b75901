import type { Action } from '@pulse/shared/api/actions';
import { useTeamAlerts } from '../../api/alerts.js';
import { t } from '../../i18n/messages.js';
import { alertHeadline, alertMeaning } from './alert-words.js';
import { byUrgency } from './AlertsPanel.js';

/**
 * The team's most urgent open alert, at the top of the team view: its level, what it means and
 * what to do first, in plain words; the other open alerts of the same cycle are named as parts
 * of the same story, and the team's current actions that answer them follow the advice.
 * The full alerts, with their evidence, are further down (#alerts).
 */
export function LeadAlert({ teamId, actions }: { teamId: string; actions: readonly Action[] }) {
  const alerts = useTeamAlerts(teamId);
  if (alerts.status !== 'ready') return null;
  const open = alerts.data.alerts.filter((a) => a.status === 'open').sort(byUrgency);
  const lead = open[0];
  if (!lead) return null;
  const related = open.slice(1).filter((a) => a.cycleId === lead.cycleId);
  const firstAction = lead.actions[0];
  const storyIds = new Set([lead.id, ...related.map((a) => a.id)]);
  const committed = actions.filter(
    (a) => a.alertId !== null && storyIds.has(a.alertId) && (a.status === 'planned' || a.status === 'in_progress'),
  );
  return (
    <section className={`lead-alert alert-${lead.level}`} aria-labelledby="lead-alert-title">
      <h2 id="lead-alert-title">{alertHeadline(lead)}</h2>
      <p className="lead-meaning">
        <strong>{t('alerts.meaningTitle')}:</strong> {alertMeaning(lead)}
      </p>
      {firstAction && (
        <p className="lead-action">
          <strong>{t('lead.todoFirst')}:</strong> {firstAction}
        </p>
      )}
      {committed.map((a) => (
        <p key={a.id} className="lead-committed">
          {t('actions.onAlert', { status: t(`actions.status.${a.status}`).toLowerCase(), title: a.title })}
        </p>
      ))}
      {related.length > 0 && (
        <p className="lead-related">
          {t('lead.related', {
            alerts: related.map((a) => `${t(`alertKind.${a.kind}`)} (${t(`level.${a.level}`).toLowerCase()})`).join(', '),
          })}
        </p>
      )}
      <a href="#alerts">{t('lead.seeAll')}</a>
    </section>
  );
}
