import { alertKinds, alertLevels, type Language } from '@pulse/shared';
import { mailText, type MailKey } from '../../i18n/mail-text.js';
import type { MailMessage } from '../../plugins/mail.js';
import type { DigestAlertRow } from './digests.repository.js';
import { escapeHtml } from '../../html.js';

/** The team view an alert links to (the dashboard's route). */
export const teamViewLink = (publicUrl: string, teamId: string): string => `${publicUrl}/insights/teams/${teamId}`;

interface Signal {
  construct: string;
  facet?: string;
  change: number;
}

/** One moved signal, e.g. "competence frustration +4 points": its sign, unit and plural chosen per language. */
function signalText(s: Signal, language: Language): string {
  const change = Math.round(s.change);
  const down = change < 0;
  const vars = { change: Math.abs(change), construct: s.construct, frustration: s.facet === 'frustration' ? 'yes' : 'no' };
  if (s.construct === 'participation')
    return mailText(language, down ? 'digest.signal.participationDown' : 'digest.signal.participation', vars);
  if (s.facet === 'partner') return mailText(language, down ? 'digest.signal.partnerDown' : 'digest.signal.partner', vars);
  return mailText(language, down ? 'digest.signal.constructDown' : 'digest.signal.construct', vars);
}

const kinds = new Set<string>(alertKinds);
const levels = new Set<string>(alertLevels);

/**
 * One line per alert: team, kind, level and what moved. Figures come only from groups shown in
 * the alert's cycle: the team's own signals when its cell is shown, the partners' view when
 * their score is. With neither, the line says so and quotes nothing.
 */
export function digestLine(alert: DigestAlertRow, language: Language = 'en'): string {
  const signals = alert.signals.filter((s) => (s.facet === 'partner' ? alert.partner_visible : alert.own_visible));
  const what = signals.length ? signals.map((s) => signalText(s, language)).join(', ') : mailText(language, 'digest.noFigures');
  const kind = kinds.has(alert.kind) ? mailText(language, `digest.kind.${alert.kind}` as MailKey) : alert.kind;
  const level = levels.has(alert.level) ? mailText(language, `digest.level.${alert.level}` as MailKey) : alert.level;
  return mailText(language, 'digest.line', { team: alert.team_name, kind, level, what: `${what.charAt(0).toUpperCase()}${what.slice(1)}` });
}

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
  context: { publicUrl: string; cycleLabel: string; organisation: boolean; overdue?: readonly OverdueLine[]; language?: Language },
): MailMessage {
  const overdue = context.overdue ?? [];
  const language = context.language ?? 'en';
  const label = context.cycleLabel;
  const organisation = context.organisation ? 'yes' : 'no';
  const subject = alerts.length
    ? mailText(language, 'digest.subject.alerts', { organisation, count: alerts.length, label })
    : mailText(language, 'digest.subject.overdue', { count: overdue.length, label });
  const intro = alerts.length
    ? mailText(language, 'digest.intro', { label, organisation })
    : mailText(language, 'digest.closed', { label });
  const outro = mailText(language, 'digest.outro');
  const teamView = mailText(language, 'digest.teamView');
  const hello = mailText(language, 'hello', { name: to.name });
  const items = alerts.map((a) => ({ line: digestLine(a, language), link: teamViewLink(context.publicUrl, a.team_id) }));
  const lateIntro = mailText(language, 'digest.lateIntro');
  const lateItems = overdue.map((a) => ({
    line: mailText(language, 'digest.lateLine', { team: a.teamName, title: a.title, due: a.dueAt }),
    link: `${teamViewLink(context.publicUrl, a.teamId)}#actions`,
  }));
  return {
    to: to.email,
    subject,
    text:
      [
        hello,
        intro,
        ...items.map((i) => `- ${i.line}\n  ${teamView}: ${i.link}`),
        ...(items.length ? [outro] : []),
        ...(lateItems.length ? [lateIntro, ...lateItems.map((i) => `- ${i.line}\n  ${teamView}: ${i.link}`)] : []),
      ].join('\n\n') + '\n',
    html: [
      `<p>${escapeHtml(hello)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      ...(items.length
        ? [
            `<ul>${items.map((i) => `<li>${escapeHtml(i.line)} <a href="${escapeHtml(i.link)}">${escapeHtml(teamView)}</a></li>`).join('')}</ul>`,
            `<p>${escapeHtml(outro)}</p>`,
          ]
        : []),
      ...(lateItems.length
        ? [
            `<p>${escapeHtml(lateIntro)}</p>`,
            `<ul>${lateItems.map((i) => `<li>${escapeHtml(i.line)} <a href="${escapeHtml(i.link)}">${escapeHtml(teamView)}</a></li>`).join('')}</ul>`,
          ]
        : []),
    ].join('\n'),
  };
}
