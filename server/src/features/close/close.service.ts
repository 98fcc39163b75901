import type { Database } from '@pulse/db';
import { runInsights, type CycleInput } from '@pulse/shared/insights';
import type { Transaction } from 'kysely';
import { cyclesIncluding, storeAlertEpisodes } from '../alerts/alerts.service.js';
import { customerMix } from '../customers/customers.service.js';
import { queueCycleDigest } from '../digests/digests.service.js';
import { closedHistory, storeFigures, storeTeamMoments } from '../insights/insights.service.js';
import { partnerInputs, storeCyclePartners, storePartnerStats } from '../partners/partners.service.js';
import { itemInputs, storeCycleItems } from '../questionnaire/questionnaire.service.js';
import { lockFiguresThreshold, recordFiguresThreshold } from '../settings/settings.service.js';
import { alignmentInputs, storeCycleAlignment } from '../values/values.service.js';

/**
 * Turns a closing cycle's answers into its team moments and freezes its hierarchy, then
 * recomputes the figures and alerts. Runs inside the transaction that closes the cycle, so a
 * cycle is never closed without its results.
 */
export async function finaliseCycle(trx: Transaction<Database>, cycleId: string, threshold: number): Promise<void> {
  await storeCycleMoments(trx, cycleId);
  const raised = await recomputeInsights(trx, threshold, [cycleId]);
  // Leaders are told after the commit (deliverDigests); queueing here makes it part of the close.
  await queueCycleDigest(trx, cycleId, raised);
}

/**
 * The first half of `finaliseCycle`: the frozen hierarchy and each team's direct moments, the
 * answers to eNPS and HR's questions, the values alignment and the partner ratings. A bulk load of many past cycles
 * (scripts/bench/load-org.ts) runs this per cycle and then one `recomputeInsights` over all of them.
 */
export async function storeCycleMoments(trx: Transaction<Database>, cycleId: string): Promise<void> {
  await storeTeamMoments(trx, cycleId);
  await storeCycleItems(trx, cycleId);
  await storeCycleAlignment(trx, cycleId);
  await storeCyclePartners(trx, cycleId);
}

/**
 * Runs the engine over every closed cycle from the stored moments and rewrites the served
 * figures of `cycleIds` (all closed cycles when omitted, e.g. after the threshold changed)
 * and every alert episode. Deterministic, so running it twice changes nothing. Resolves the
 * keys of the alert episodes that are new or escalated.
 */
export async function recomputeInsights(trx: Transaction<Database>, threshold: number, cycleIds?: string[]): Promise<string[]> {
  // Figures of the other cycles built at another threshold (ANONYMITY_THRESHOLD changed, say)
  // are rebuilt too: no two views may come from different suppression decisions.
  const builtWith = await lockFiguresThreshold(trx);
  const { cycles, trees, moments, ledger } = await closedHistory(trx);
  const partners = await partnerInputs(trx);
  const alignment = await alignmentInputs(trx);
  const items = await itemInputs(trx);
  const inputs: CycleInput[] = cycles.map((c) => ({
    cycleId: c.id,
    label: c.label,
    teams: trees.get(c.id) ?? [],
    byTeam: moments.get(c.id) ?? new Map(),
    partners: partners.get(c.id) ?? [],
    alignment: alignment.get(c.id) ?? new Map(),
    items: items.get(c.id),
    published: ledger.get(c.id),
  }));
  const result = runInsights({ teams: [], cycles: inputs, threshold, customers: await customerMix(trx) });

  const targets = new Set(cycleIds && builtWith === threshold ? cycleIds : cycles.map((c) => c.id));
  await storeFigures(trx, result, ledger, targets);
  await storePartnerStats(trx, result, targets);
  if (builtWith !== threshold) await recordFiguresThreshold(trx, threshold);
  return storeAlertEpisodes(
    trx,
    result.alerts,
    cycles.map((c) => c.id),
    cyclesIncluding(result.drift),
  );
}

/** Rebuilds every cycle's figures and alerts unless they were built at `threshold`; resolves whether it did. */
export async function alignFigures(trx: Transaction<Database>, threshold: number): Promise<boolean> {
  if ((await lockFiguresThreshold(trx)) === threshold) return false;
  await recomputeInsights(trx, threshold);
  return true;
}
