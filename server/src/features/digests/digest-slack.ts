import { slackText, type SlackMessage } from '../chat/slack.js';
import type { MailMessage } from '../../plugins/mail.js';

/**
 * The digest as a direct message, built from the mail's plain text so both say the same: each
 * paragraph a section, each "Team view: <url>" line a link. Digests carry team-view links only,
 * never a personal pulse link.
 */
export function digestSlack(mail: MailMessage): SlackMessage {
  const paragraphs = mail.text.trim().split('\n\n');
  const blocks: SlackMessage['blocks'] = paragraphs.map((paragraph) => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: paragraph
        .split('\n')
        .map((line) => {
          const link = /^\s*Team view: (\S+)$/.exec(line);
          return link ? `  <${link[1]}|Team view>` : slackText(line);
        })
        .join('\n')
        .slice(0, 3000),
    },
  }));
  return { text: mail.subject, blocks: blocks.slice(0, 50) };
}
