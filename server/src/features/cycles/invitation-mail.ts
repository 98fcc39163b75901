import type { MailMessage } from '../../plugins/mail.js';
import type { ClaimedMail } from './invitations.repository.js';

/** The personal link a member gets by mail; its token is stored only as a hash. */
export const pulseLink = (publicUrl: string, token: string): string => `${publicUrl}/p/${token}`;

/** Which mail: the first invitation, or the one reminder. */
export type MailKind = 'invitation' | 'reminder';

export function closingTime(closesAt: Date, timeZone: string): string {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(closesAt);
  return `${when} (${timeZone.replace(/_/g, ' ')} time)`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The mail carrying a personal pulse link, as plain text and simple HTML. */
export function pulseMail(kind: MailKind, to: ClaimedMail, link: string, timeZone: string): MailMessage {
  const closes = closingTime(to.closesAt, timeZone);
  const subject = kind === 'invitation' ? `Your ${to.label} pulse: two minutes, anonymous` : `Reminder: the ${to.label} pulse closes soon`;
  const opening =
    kind === 'invitation'
      ? `The ${to.label} pulse for your team is open until ${closes}. It takes about two minutes.`
      : `The ${to.label} pulse is still open until ${closes}, and we have not heard from you yet. It takes about two minutes.`;
  const privacy =
    'Your answers are stored without your name. Leaders see only the combined results of your team, ' +
    'and only when enough people have answered. The link is yours alone and works once: please do not forward it.';
  const paragraphs = [`Hello ${to.name},`, opening, 'Your personal link:', link, privacy];
  if (kind === 'reminder') paragraphs.push('If you answered in the last few minutes: thank you, please ignore this message.');
  return {
    to: to.email,
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: paragraphs
      .map((p) => (p === link ? `<p><a href="${escapeHtml(link)}">Answer the pulse</a></p>` : `<p>${escapeHtml(p)}</p>`))
      .join('\n'),
  };
}
