import type { Language } from '@pulse/shared';
import { mailDateTime, mailText } from '../../i18n/mail-text.js';
import type { MailMessage } from '../../plugins/mail.js';
import type { ClaimedMail } from './invitations.repository.js';
import { escapeHtml } from '../../html.js';

/** The personal link a member gets by mail; its token is stored only as a hash. */
export const pulseLink = (publicUrl: string, token: string): string => `${publicUrl}/p/${token}`;

/** Which mail: the first invitation, or the one reminder. */
export type MailKind = 'invitation' | 'reminder';

/** The texts of an invitation or reminder in `language`: the mail and the Slack message say the same. */
export function pulseTexts(kind: MailKind, to: Pick<ClaimedMail, 'name' | 'label' | 'closesAt'>, timeZone: string, language: Language) {
  const zone = timeZone.replace(/_/g, ' ');
  const closes = mailText(language, 'pulse.closingTime', { when: mailDateTime(to.closesAt, language, timeZone), zone });
  return {
    subject: mailText(language, kind === 'invitation' ? 'pulse.invitation.subject' : 'pulse.reminder.subject', { label: to.label }),
    hello: mailText(language, 'hello', { name: to.name }),
    opening: mailText(language, kind === 'invitation' ? 'pulse.invitation.opening' : 'pulse.reminder.opening', { label: to.label, closes }),
    link: mailText(language, 'pulse.link'),
    privacy: mailText(language, 'pulse.privacy'),
    button: mailText(language, 'pulse.button'),
    ignore: kind === 'reminder' ? mailText(language, 'pulse.reminder.ignore') : undefined,
  };
}

/** The mail carrying a personal pulse link, as plain text and simple HTML, in `language` (the member's own, else the organisation's). */
export function pulseMail(kind: MailKind, to: ClaimedMail, link: string, timeZone: string, language: Language): MailMessage {
  const texts = pulseTexts(kind, to, timeZone, language);
  const subject = texts.subject;
  const paragraphs = [texts.hello, texts.opening, texts.link, link, texts.privacy];
  if (texts.ignore) paragraphs.push(texts.ignore);
  return {
    to: to.email,
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: paragraphs
      .map((p) => (p === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(texts.button)}</a></p>` : `<p>${escapeHtml(p)}</p>`))
      .join('\n'),
  };
}
