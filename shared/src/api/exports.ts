import { z } from 'zod';
import { zConstruct } from '../questionnaire.js';
import { alertLevels, exportFormats } from '../vocabulary.js';
export { exportFormats, type ExportFormat } from '../vocabulary.js';

const zDateBound = z.iso.date().or(z.iso.datetime());

/** GET /exports/aggregates: format (csv by default) and an optional range of cycle start dates. */
export const zExportQuery = z
  .object({
    format: z.enum(exportFormats).default('csv'),
    /** Only cycles opening on or after this date (YYYY-MM-DD or ISO time). */
    from: zDateBound.optional(),
    /** Only cycles opening on or before this date; a date includes that whole day. */
    to: zDateBound.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from.slice(0, 10) <= q.to.slice(0, 10), {
    message: '`from` must not be after `to`.',
    path: ['from'],
  });
export type ExportQuery = z.infer<typeof zExportQuery>;

/**
 * The export's columns, in order (GET /api/v1/exports in the OpenAPI document, /api/v1/openapi.json). The names are the public contract, the
 * same in every format; `cycle_opens_at` is an extra column for sorting cycles by date.
 */
export const exportColumns = [
  'team',
  'team_path',
  'cycle',
  'construct',
  'n',
  'mean',
  'ci_low',
  'ci_high',
  'response_rate',
  'fortress_index',
  'alert_level',
  'suppressed',
  'cycle_opens_at',
] as const;

/**
 * One team (or the whole organisation: team "Organisation", empty path), cycle and construct.
 * A suppressed cell has `suppressed` set to the reason and every figure null (empty in CSV and
 * XLSX); participation (`response_rate`) is shown on every row, as on screen.
 */
export const zExportRow = z.object({
  team: z.string(),
  team_path: z.string(),
  cycle: z.string(),
  /**
   * A construct, or `values_alignment` / `partner_responsiveness` where the screen shows them,
   * `enps` (mean is the eNPS, −100…100) or `custom:<item id>` (one of HR's questions, mean on
   * its own scale).
   */
  construct: z.union([
    zConstruct,
    z.enum(['values_alignment', 'partner_responsiveness', 'enps']),
    z.templateLiteral(['custom:', z.string()]),
  ]),
  n: z.number().int().nullable(),
  mean: z.number().nullable(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  /** responded / invited, 0–1; null when nobody was invited. */
  response_rate: z.number().nullable(),
  fortress_index: z.number().nullable(),
  /** The highest level of the alert episodes that covered this team in this cycle. */
  alert_level: z.enum(alertLevels).nullable(),
  /** Why the figures are hidden; null for a visible cell. */
  suppressed: z.string().nullable(),
  cycle_opens_at: z.string(),
});
export type ExportRow = z.infer<typeof zExportRow>;

/** The JSON format: the same rows as the CSV, with null for empty cells. */
export const zExportJson = z.object({
  threshold: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rows: z.array(zExportRow),
});
export type ExportJson = z.infer<typeof zExportJson>;
