import { slackText, type SlackMessage } from '../chat/slack.js';
import type { MailMessage } from '../../plugins/mail.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The digest as a direct message, built from the mail's plain text so both say the same, in the
 * mail's language: each paragraph a section, each "<teamView>: <url>" line a link named
 * `teamView` (the mail's own words for "Team view"). Digests carry team-view links only, never a
 * personal pulse link.
 */
export function digestSlack(mail: MailMessage, teamView: string): SlackMessage {
  const linkLine = new RegExp(`^\\s*${escapeRegExp(teamView)}: (\\S+)$`);
  const paragraphs = mail.text.trim().split('\n\n');
  const blocks: SlackMessage['blocks'] = paragraphs.map((paragraph) => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: paragraph
        .split('\n')
        .map((line) => {
          const link = linkLine.exec(line);
          return link ? `  <${link[1]}|${slackText(teamView)}>` : slackText(line);
        })
        .join('\n')
        .slice(0, 3000),
    },
  }));
  return { text: mail.subject, blocks: blocks.slice(0, 50) };
}
