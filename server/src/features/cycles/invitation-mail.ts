import type { Language } from '@pulse/shared';
import { mailDateTime, mailText } from '../../i18n/mail-text.js';
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

/** The mail carrying a personal pulse link, as plain text and simple HTML, in `language` (the member's own, else the organisation's). */
export function pulseMail(kind: MailKind, to: ClaimedMail, link: string, timeZone: string, language: Language): MailMessage {
  const zone = timeZone.replace(/_/g, ' ');
  const closes = mailText(language, 'pulse.closingTime', { when: mailDateTime(to.closesAt, language, timeZone), zone });
  const subject = mailText(language, kind === 'invitation' ? 'pulse.invitation.subject' : 'pulse.reminder.subject', { label: to.label });
  const opening = mailText(language, kind === 'invitation' ? 'pulse.invitation.opening' : 'pulse.reminder.opening', { label: to.label, closes });
  const paragraphs = [mailText(language, 'hello', { name: to.name }), opening, mailText(language, 'pulse.link'), link, mailText(language, 'pulse.privacy')];
  if (kind === 'reminder') paragraphs.push(mailText(language, 'pulse.reminder.ignore'));
  return {
    to: to.email,
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: paragraphs
      .map((p) => (p === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(mailText(language, 'pulse.button'))}</a></p>` : `<p>${escapeHtml(p)}</p>`))
      .join('\n'),
  };
}
