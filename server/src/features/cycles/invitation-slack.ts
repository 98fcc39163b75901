import { slackText, type SlackMessage } from '../chat/slack.js';
import type { MailKind } from './invitation-mail.js';
import type { ClaimedMail } from './invitations.repository.js';

/**
 * The direct message carrying a personal pulse link: the link only behind the button (never in
 * the notification text, which shows on lock screens), and the same privacy note as the mail.
 */
export function pulseSlack(kind: MailKind, to: ClaimedMail, link: string, closes: string): SlackMessage {
  const text =
    kind === 'invitation'
      ? `Your ${to.label} pulse is open until ${closes}: two minutes, anonymous.`
      : `Reminder: the ${to.label} pulse is still open until ${closes}, and we have not heard from you yet.`;
  const privacy =
    'Your answers are stored without your name. Leaders see only the combined results of your team, and only when enough people have answered. ' +
    'The button is your personal link and works once: please do not share it.';
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Hello ${slackText(to.name)}, ${slackText(text.charAt(0).toLowerCase() + text.slice(1))}` } },
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: 'open_pulse', style: 'primary', text: { type: 'plain_text', text: 'Answer the pulse' }, url: link }],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: privacy }] },
    ],
  };
}
