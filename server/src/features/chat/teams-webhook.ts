/** A digest for a Microsoft Teams channel: team-view links only, never a personal link. */
export interface TeamsDigest {
  title: string;
  /** The words for a team-view link, in the digest's language. */
  linkText: string;
  lines: { text: string; link: string }[];
}

/**
 * Posts an Adaptive Card to a Teams workflow ("Post to a channel when a webhook request is
 * received"). Throws on a refused or unreachable URL; the URL itself is never put in an error.
 */
export async function postTeamsDigest(url: string, digest: TeamsDigest): Promise<void> {
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: digest.title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...digest.lines.map((line) => ({ type: 'TextBlock', text: `${line.text} [${digest.linkText}](${line.link})`, wrap: true })),
    ],
  };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }),
    signal: AbortSignal.timeout(15_000),
  }).catch(() => {
    throw new Error('The Teams workflow could not be reached.');
  });
  if (!response.ok) throw new Error(`The Teams workflow answered ${response.status}.`);
}
