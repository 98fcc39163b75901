import type { ExportFormat } from '@pulse/shared';
import { searchOf, type CycleRange } from './insights.js';

/**
 * The address of GET /api/v1/exports/aggregates. The browser downloads it through a link (the
 * session cookie goes along), so a large file streams to disk instead of into page memory.
 */
export const exportUrl = (format: ExportFormat, range: CycleRange) =>
  `/api/v1/exports/aggregates${searchOf({ format, from: range.from, to: range.to })}`;
