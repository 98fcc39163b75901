import { z } from 'zod';
import { zScale } from '../questionnaire.js';

/** A partner-rating item: asked about one provider team, 1–5 agreement. */
export const zPartnerItem = z.object({ id: z.string(), text: z.string(), scale: zScale });
export type PartnerItem = z.infer<typeof zPartnerItem>;

const agreement = { min: 1, max: 5, labels: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'] };

/** The two items a customer team's member answers about each provider team. Ids never change meaning. */
export const partnerItems: readonly PartnerItem[] = [
  { id: 'par_yes', text: 'They looked for a way to say yes to our requests.', scale: agreement },
  { id: 'par_direct', text: 'We could work with them directly, without escalating.', scale: agreement },
];
export const partnerItemIds = partnerItems.map((i) => i.id);

/** A partner figure that may be shown: ≥ k ratings (a cell), ≥ k from ≥ 2 teams (a total). */
export const zPartnerFigure = z.object({
  mean: z.number(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  n: z.number().int(),
});
export type PartnerFigure = z.infer<typeof zPartnerFigure>;

/** A trends point's partner line (`partner?` of zTrendPoint in shared/src/api/insights.ts). */
export const zPartnerScore = zPartnerFigure.extend({ raterTeams: z.number().int() });
export type PartnerScore = z.infer<typeof zPartnerScore>;

export const zMatrixQuery = z.object({ cycleId: z.uuid().optional() });

const zMatrixTeam = z.object({ teamId: z.uuid(), name: z.string(), path: z.string() });

/**
 * GET /partners/matrix: providers × customers for one closed cycle. Only figures that may be
 * shown are present: a provider's `total` is null and a cell is absent when it is blank.
 */
export const zMatrixResponse = z.object({
  cycle: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  cycles: z.array(z.object({ id: z.uuid(), label: z.string() })),
  threshold: z.number().int(),
  providers: z.array(zMatrixTeam.extend({ total: zPartnerScore.nullable(), reason: z.string().optional() })),
  customers: z.array(zMatrixTeam),
  cells: z.array(zPartnerFigure.extend({ providerId: z.uuid(), customerId: z.uuid() })),
});
export type MatrixResponse = z.infer<typeof zMatrixResponse>;
