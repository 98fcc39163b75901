import { Readable } from 'node:stream';
import { zOverviewResponse, zOverviewRow, type OverviewResponse } from '@pulse/shared';

/** Rows per written chunk: small enough to stream, large enough not to pay per write. */
const CHUNK_ROWS = 250;

/**
 * The whole overview as a download: the same JSON as `GET /overview`, written 250 rows at a time, so
 * the 5,000-team answer is never one string in memory. Each row passes the contract's schema on
 * its way out, as a non-streamed answer does.
 */
export function overviewStream(overview: OverviewResponse): Readable {
  const { rows, ...head } = overview;
  async function* chunks() {
    yield `${JSON.stringify(zOverviewResponse.omit({ rows: true }).parse(head)).slice(0, -1)},"rows":[`;
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      const chunk = rows.slice(i, i + CHUNK_ROWS).map((row) => JSON.stringify(zOverviewRow.parse(row)));
      yield (i ? ',' : '') + chunk.join(',');
    }
    yield ']}';
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** `pulse-overview-2026-11.json`-like name from the cycle's label. */
export function overviewFileName(overview: OverviewResponse): string {
  const label = (overview.cycle?.label ?? 'none').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return `pulse-overview-${label || 'cycle'}.json`;
}
