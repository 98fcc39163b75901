import { z } from 'zod';
import { zConstruct } from '../questionnaire.js';
import { zPartnerScore } from './partners.js';
import { zListedComment } from './conversations.js';
import { alertKinds, alertLevels } from '../vocabulary.js';

/** One construct's figures for a visible cell: 0–100 mean with its 95% t interval. */
export const zScore = z.object({
  mean: z.number(),
  sd: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  n: z.number().int(),
});
export type Score = z.infer<typeof zScore>;

export const zScores = z.object({
  autonomy: zScore,
  competence: zScore,
  relatedness: zScore,
  openness: zScore,
});
export type Scores = z.infer<typeof zScores>;

/** The need-frustration facets (0–100, higher is more frustration): the pressure signals. */
export const zFrustration = z.object({ autonomy: zScore, competence: zScore, relatedness: zScore });
export type Frustration = z.infer<typeof zFrustration>;

/** eNPS of a visible cell: −100…100 with its 95% delta-method interval, and the shares (%) of promoters (9–10) and detractors (0–6). */
export const zEnps = z.object({
  score: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  promoters: z.number(),
  detractors: z.number(),
  n: z.number().int(),
});
export type Enps = z.infer<typeof zEnps>;

/** One of HR's questions in a visible cell: mean on its own scale with its 95% t interval. */
export const zItemScore = z.object({
  id: z.string(),
  /** The wording the cycle asked, and the scale's ends (1–5 agreement or 0–10). */
  text: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  mean: z.number(),
  sd: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  n: z.number().int(),
});
export type ItemScore = z.infer<typeof zItemScore>;

/** One team (subtree) in one cycle. A suppressed point has a reason and never any figure. */
export const zTrendPoint = z.object({
  cycleId: z.uuid(),
  label: z.string(),
  opensAt: z.string(),
  invited: z.number().int(),
  responded: z.number().int(),
  suppressed: z.boolean(),
  /** Why a point is suppressed, in words a leader understands. */
  reason: z.string().optional(),
  reasonCode: z.enum(['no_responses', 'below_threshold', 'complementary']).optional(),
  scores: zScores.optional(),
  frustration: zFrustration.optional(),
  fortressIndex: z.number().optional(),
  /** Partner-rated responsiveness: only with at least k ratings from at least two customer teams. */
  partner: zPartnerScore.optional(),
  /** Values alignment (teams with shared values), where its own answers may be shown. */
  alignment: zScore.optional(),
  /** eNPS, shown exactly where the cell's scores are and when everyone in the cell was asked it. */
  enps: zEnps.optional(),
  /** HR's questions, each shown where the cell's scores are and everyone in the cell was asked it. */
  customItems: z.array(zItemScore).optional(),
});
export type TrendPoint = z.infer<typeof zTrendPoint>;

export const zTeamRef = z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid().nullable(), path: z.string() });
export type TeamRef = z.infer<typeof zTeamRef>;

export const zTrendsQuery = z.object({
  /** Only cycles opening on or after / before this date (YYYY-MM-DD or ISO time). */
  from: z.iso.date().or(z.iso.datetime()).optional(),
  to: z.iso.date().or(z.iso.datetime()).optional(),
});

export const zTrendsResponse = z.object({
  team: zTeamRef,
  threshold: z.number().int(),
  series: z.array(zTrendPoint),
  /** The parent team's series, or the whole organisation's for a top-level team. */
  comparison: z.object({ name: z.string(), teamId: z.uuid().nullable(), series: z.array(zTrendPoint) }).nullable(),
});
export type TrendsResponse = z.infer<typeof zTrendsResponse>;

export const zOverviewQuery = z.object({
  cycleId: z.uuid().optional(),
  /** `true`: the same answer as an attachment, streamed row by row (HR's "everything" download). */
  download: z.enum(['true', 'false']).optional(),
});

export const zOverviewRow = zTrendPoint.extend({
  team: zTeamRef,
  depth: z.number().int(),
  alertLevel: z.enum(alertLevels).nullable(),
  /** How many sub-teams have a row in this cycle (the paged views: expand to load them). */
  childCount: z.number().int().optional(),
});
export type OverviewRow = z.infer<typeof zOverviewRow>;

export const zOverviewResponse = z.object({
  cycle: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  cycles: z.array(z.object({ id: z.uuid(), label: z.string() })),
  threshold: z.number().int(),
  rows: z.array(zOverviewRow),
});
export type OverviewResponse = z.infer<typeof zOverviewResponse>;

/**
 * The paged overview: what the screen shows, each row exactly as the whole overview has it
 * (one stored suppression decision per cycle). Without `parent`: the viewer's top teams and
 * their sub-teams; with it: that team's sub-teams.
 */
export const zOverviewTeamsQuery = z.object({ cycleId: z.uuid().optional(), parent: z.uuid().optional() });
export const zOverviewSearchQuery = z.object({
  cycleId: z.uuid().optional(),
  q: z.string().trim().min(1, 'Type part of a team name.').max(100),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const overviewViews = ['fortress', 'participation'] as const;
export const zOverviewWorstQuery = z.object({
  cycleId: z.uuid().optional(),
  /** `fortress`: open alerts and fortress index ≥ 20, worst first; `participation`: lowest response rate first. */
  view: z.enum(overviewViews),
  limit: z.coerce.number().int().min(1).max(100).default(15),
});

export const alertStatuses = ['open', 'acknowledged', 'resolved'] as const;

export const zAlert = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  cycleId: z.uuid(),
  cycleLabel: z.string(),
  kind: z.enum(alertKinds),
  level: z.enum(alertLevels),
  status: z.enum(alertStatuses),
  summary: z.string(),
  signals: z.array(
    z.object({
      construct: zConstruct.or(z.literal('participation')),
      /** `partner`: openness as the teams that rely on this one rate its responsiveness. */
      facet: z.enum(['frustration', 'partner']).optional(),
      change: z.number(),
      evidence: z.string(),
    }),
  ),
  actions: z.array(z.string()),
  acknowledgedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type Alert = z.infer<typeof zAlert>;
export type AlertSignal = Alert['signals'][number];

export const zAlertsQuery = z.object({
  /** `current`: open or acknowledged. */
  status: z.enum([...alertStatuses, 'current', 'all']).default('open'),
  teamId: z.uuid().optional(),
  /** The alerts of this team and every team beneath it. */
  subtreeOf: z.uuid().optional(),
  level: z.enum(alertLevels).optional(),
  kind: z.enum(alertKinds).optional(),
  /** `severity` (default): critical first, then newest; `newest`: latest cycle first, then severity. */
  sort: z.enum(['severity', 'newest']).default('severity'),
  /** A page of at most this many; without it every matching alert comes at once. */
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** `nextCursor` of the previous page. */
  after: z.string().max(300).optional(),
});
export type AlertsQuery = z.input<typeof zAlertsQuery>;
export const zAlertsResponse = z.object({
  alerts: z.array(zAlert),
  /** Matching alerts per level, with every filter but `level` and the cursor. */
  counts: z.object({ watch: z.number().int(), warning: z.number().int(), critical: z.number().int() }),
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type AlertsResponse = z.infer<typeof zAlertsResponse>;

export const zAlertParams = z.object({ id: z.uuid() });
export const zAcknowledgeBody = z.object({ note: z.string().trim().min(1, 'Write a short note.').max(2_000) });
export type AcknowledgeBody = z.infer<typeof zAcknowledgeBody>;
export const zAlertResponse = z.object({ alert: zAlert });

export const zCommentsQuery = z.object({ cycleId: z.uuid().optional() });
export const zCommentsResponse = z.object({
  cycle: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  /** null when the group is below the threshold (then `reason` says why). */
  comments: z.array(zListedComment).nullable(),
  reason: z.string().optional(),
});
export type CommentsResponse = z.infer<typeof zCommentsResponse>;
