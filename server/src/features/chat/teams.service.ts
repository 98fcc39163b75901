import type { Database } from '@pulse/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { claimDelivery, recordFallback, teamsWebhooks } from './chat.repository.js';
import type { ChatSettings } from './courier.js';
import { open } from './secret-box.js';
import { postTeamsDigest, type TeamsDigest } from './teams-webhook.js';

interface TeamsContext {
  db: Kysely<Database>;
  log: Pick<FastifyBaseLogger, 'warn'>;
  chat?: ChatSettings;
}

/**
 * Posts a cycle's digest to every team with a Microsoft Teams workflow and something to say
 * (`build` gives the team's part, or undefined). Each post is claimed first, so it goes out at
 * most once; a refused post is counted on the delivery page and not repeated (the leaders have
 * their own digest by Slack or mail anyway). Channel posts carry team-view links only.
 */
export async function postTeamDigests(
  ctx: TeamsContext,
  cycleId: string,
  build: (teamId: string) => TeamsDigest | undefined,
  now: Date,
): Promise<number> {
  const key = ctx.chat?.secretKey;
  if (!key) return 0;
  let posted = 0;
  for (const hook of await teamsWebhooks(ctx.db)) {
    const digest = build(hook.teamId);
    if (!digest || !(await claimDelivery(ctx.db, 'team_digest', `${cycleId}:${hook.teamId}`, 'teams', now))) continue;
    try {
      await postTeamsDigest(open(key, hook.sealed), digest);
      posted++;
    } catch (error) {
      ctx.log.warn({ team: hook.teamId, reason: error instanceof Error ? error.message : 'unknown' }, 'Teams digest post failed');
      await recordFallback(ctx.db, 'team_digest', `${cycleId}:${hook.teamId}`, 'teams', 'teams_error');
    }
  }
  return posted;
}
