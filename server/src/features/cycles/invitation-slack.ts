import type { Language } from '@pulse/shared';
import { slackText, type SlackMessage } from '../chat/slack.js';
import { pulseTexts, type MailKind } from './invitation-mail.js';
import type { ClaimedMail } from './invitations.repository.js';

/**
 * The direct message carrying a personal pulse link, in `language` (the member's own, else the
 * organisation's), with the mail's own texts: the link only behind the button (never in the
 * notification text, which shows on lock screens), and the same privacy note as the mail.
 */
export function pulseSlack(kind: MailKind, to: ClaimedMail, link: string, timeZone: string, language: Language): SlackMessage {
  const texts = pulseTexts(kind, to, timeZone, language);
  return {
    text: texts.subject,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${slackText(texts.hello)}\n${slackText(texts.opening)}` } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'open_pulse', style: 'primary', text: { type: 'plain_text', text: texts.button }, url: link },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackText([texts.privacy, texts.ignore].filter(Boolean).join(' ')) }] },
    ],
  };
}
