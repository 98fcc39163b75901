import { zErrorBody, zExportJson, zExportQuery, type ExportJson, type ExportQuery, type ExportRow } from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { csvStream, formatHeaders, jsonStream, xlsxStream } from './export-formats.js';
import { aggregateExport } from './exports.service.js';
import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';

const errors = { 400: zErrorBody };

export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/exports/aggregates',
    {
      onRequest: app.requireRole('admin', 'hr'),
      schema: {
        tags: ['export'],
        summary: 'Aggregates per team, cycle and construct as CSV, JSON or XLSX; streamed and audited',
        description:
          'One row per team, cycle and construct. Suppressed cells are empty, with the reason in `suppressed`. ' +
          'CSV text cells beginning with =, +, -, @, a tab or a carriage return get a leading single quote.',
        querystring: zExportQuery,
        response: { 200: zExportJson, ...errors },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const source = await aggregateExport(app.db, app.config, query);
      const pages = audited(source.pages, app.db, request.user!, query);
      const { contentType, extension } = formatHeaders[query.format];
      const range = [query.from, query.to].filter(Boolean).map((d) => d!.slice(0, 10));
      reply
        .header('content-type', contentType)
        .header('content-disposition', `attachment; filename="pulse-aggregates${range.map((d) => `-${d}`).join('')}.${extension}"`)
        .header('cache-control', 'no-store');
      const body = query.format === 'csv' ? csvStream(pages) : query.format === 'json' ? jsonStream(source, pages) : xlsxStream(pages);
      // Fastify sends a stream as it is; the 200 schema documents the JSON format for OpenAPI.
      return reply.send(body as unknown as ExportJson);
    },
  );
};

/**
 * Passes the pages through and writes one audit entry with who, format, range and the number
 * of rows: once the last page is out (before the response ends), or with `completed: false`
 * when the download stops early.
 */
async function* audited(
  pages: AsyncIterable<ExportRow[]>,
  db: Kysely<Database>,
  user: SessionUser,
  query: ExportQuery,
): AsyncGenerator<ExportRow[]> {
  let count = 0;
  let completed = false;
  try {
    for await (const page of pages) {
      count += page.length;
      yield page;
    }
    completed = true;
  } finally {
    await recordAudit(db, user, 'exports.download', 'aggregates', {
      format: query.format,
      from: query.from ?? null,
      to: query.to ?? null,
      rows: count,
      completed,
    });
  }
}
