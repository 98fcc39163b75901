import type { Database } from '@pulse/db';
import type { TrendPoint } from '@pulse/shared';
import { resultConstructs, type PulseResults, type ResultFigure } from '@pulse/shared/api/results';
import type { Kysely } from 'kysely';
import { actionsForMembers } from '../actions/actions.service.js';
import { pointsForMembers } from '../insights/insights-read.service.js';
import { noteForMembers } from '../notes/notes.service.js';
import { linkTarget } from '../pulse/pulse.service.js';
import type { ThresholdSettings } from '../settings/settings.service.js';

const notYet = 'Results appear here once this pulse has closed and its figures are ready.';

/** A visible point's construct as a member sees it (no spread, no count); null where hidden or missing. */
function figure(point: TrendPoint | undefined, construct: (typeof resultConstructs)[number]): ResultFigure | null {
  const score = point?.scores?.[construct];
  return score ? { mean: score.mean, ciLow: score.ciLow, ciHigh: score.ciHigh } : null;
}

/**
 * GET /pulse/:token/results. The link only names its cycle and team: whether it answered is never
 * read, so an answered and an unanswered link of one team get the same page. Everything shown
 * comes from the ledger `recomputeInsights` stored, as in a leader's views.
 */
export async function resultsForLink(db: Kysely<Database>, settings: ThresholdSettings, token: string): Promise<PulseResults> {
  const target = await linkTarget(db, token);
  const closed = target.status === 'closed';
  const base = {
    cycle: { id: target.cycleId, label: target.label, closesAt: target.closesAt.toISOString(), closed },
    team: { name: target.teamName },
  };
  const points = closed ? await pointsForMembers(db, settings, target.cycleId, target.teamId) : {};
  if (!points.team) return { ...base, published: false, reason: notYet, participation: null, actions: [] };
  const { team, previous, organisation } = points;
  const results: PulseResults = {
    ...base,
    published: true,
    participation: { invited: team.invited, responded: team.responded },
    actions: await actionsForMembers(db, target.teamId),
  };
  const note = await noteForMembers(db, target.teamId, target.cycleId);
  if (note) results.note = note;
  if (team.suppressed) return { ...results, reason: team.reason! };
  results.scores = resultConstructs.map((construct) => ({
    construct,
    team: figure(team, construct)!,
    previous: figure(previous, construct),
    organisation: figure(organisation, construct),
  }));
  return results;
}
