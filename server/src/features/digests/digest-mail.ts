import type { MailMessage } from '../../plugins/mail.js';
import type { DigestAlertRow } from './digests.repository.js';

/** The team view an alert links to (the dashboard's route). */
export const teamViewLink = (publicUrl: string, teamId: string): string => `${publicUrl}/insights/teams/${teamId}`;

const kindNames: Record<string, string> = {
  fortress: 'fortress of no',
  pressure: 'pressure',
  need_drop: 'a need fell',
  participation: 'participation fell',
};

interface Signal {
  construct: string;
  facet?: string;
  change: number;
}

const signed = (x: number, unit: string) => {
  const r = Math.round(x);
  return r === 0 ? `unchanged` : `${r > 0 ? '+' : '−'}${Math.abs(r)} ${unit}${Math.abs(r) === 1 ? '' : 's'}`;
};

function signalText(s: Signal): string {
  if (s.construct === 'participation') return `response rate ${signed(s.change, 'percentage point')}`;
  if (s.facet === 'partner') return `partners' view of its responsiveness ${signed(s.change, 'point')}`;
  return `${s.construct}${s.facet === 'frustration' ? ' frustration' : ''} ${signed(s.change, 'point')}`;
}

/**
 * One line per alert: team, kind, level and what moved. Figures come only from groups shown in
 * the alert's cycle: the team's own signals when its cell is shown, the partners' view when
 * their score is. With neither, the line says so and quotes nothing.
 */
export function digestLine(alert: DigestAlertRow): string {
  const signals = alert.signals.filter((s) => (s.facet === 'partner' ? alert.partner_visible : alert.own_visible));
  const what = signals.length ? signals.map(signalText).join(', ') : 'too few responses this cycle to quote any figure';
  return `${alert.team_name}: ${kindNames[alert.kind] ?? alert.kind}, ${alert.level}. ${what.charAt(0).toUpperCase()}${what.slice(1)}.`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An overdue action a digest reminds its owner of. */
export interface OverdueLine {
  title: string;
  teamId: string;
  teamName: string;
  dueAt: string;
}

/**
 * One digest mail: a greeting, one line and link per alert, and how to read them; then the
 * open actions the reader owns that are past their due date. With no alert, only the latter.
 */
export function digestMail(
  to: { email: string; name: string },
  alerts: readonly DigestAlertRow[],
  context: { publicUrl: string; cycleLabel: string; organisation: boolean; overdue?: readonly OverdueLine[] },
): MailMessage {
  const overdue = context.overdue ?? [];
  const scope = context.organisation ? 'in the organisation' : 'for the teams you lead';
  const count = alerts.length === 1 ? '1 alert' : `${alerts.length} alerts`;
  const late = overdue.length === 1 ? '1 overdue action' : `${overdue.length} overdue actions`;
  const subject = alerts.length
    ? `${context.organisation ? 'Organisation digest' : 'Your teams'}: ${count} new or escalated after the ${context.cycleLabel} pulse`
    : `Your actions: ${late} after the ${context.cycleLabel} pulse`;
  const intro = alerts.length ? `The ${context.cycleLabel} pulse has closed. New or escalated alerts ${scope}:` : `The ${context.cycleLabel} pulse has closed.`;
  const outro =
    'Figures come only from groups large enough to show. Open the team view for the whole explanation, the partners’ view and suggested actions.';
  const items = alerts.map((a) => ({ line: digestLine(a), link: teamViewLink(context.publicUrl, a.team_id) }));
  const lateIntro = 'Actions you own that are past their due date (mark them done, drop them with a reason, or set a new date):';
  const lateItems = overdue.map((a) => ({ line: `${a.teamName}: “${a.title}”, due ${a.dueAt}.`, link: `${teamViewLink(context.publicUrl, a.teamId)}#actions` }));
  return {
    to: to.email,
    subject,
    text:
      [
        `Hello ${to.name},`,
        intro,
        ...items.map((i) => `- ${i.line}\n  Team view: ${i.link}`),
        ...(items.length ? [outro] : []),
        ...(lateItems.length ? [lateIntro, ...lateItems.map((i) => `- ${i.line}\n  Team view: ${i.link}`)] : []),
      ].join('\n\n') + '\n',
    html: [
      `<p>Hello ${escapeHtml(to.name)},</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      ...(items.length
        ? [`<ul>${items.map((i) => `<li>${escapeHtml(i.line)} <a href="${escapeHtml(i.link)}">Team view</a></li>`).join('')}</ul>`, `<p>${escapeHtml(outro)}</p>`]
        : []),
      ...(lateItems.length
        ? [`<p>${escapeHtml(lateIntro)}</p>`, `<ul>${lateItems.map((i) => `<li>${escapeHtml(i.line)} <a href="${escapeHtml(i.link)}">Team view</a></li>`).join('')}</ul>`]
        : []),
    ].join('\n'),
  };
}
