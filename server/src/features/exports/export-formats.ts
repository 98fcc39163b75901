import { EventEmitter, once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { exportColumns, type ExportFormat, type ExportRow } from '@pulse/shared';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** The header fields of each format. */
export const formatHeaders: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
};

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a
 * carriage return) gets a leading single quote, so it shows as text. Only text is touched:
 * numbers stay numbers, so −3.5 is never mistaken for a formula.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV in UTF-8: CRLF line ends, a header line, every text field quoted (and a formula
 * start neutralised), numbers bare, empty fields for nulls. A byte-order mark lets spreadsheets read UTF-8.
 * Each page becomes one string, so a row's objects never outlive its page.
 */
export function csvStream(pages: AsyncIterable<ExportRow[]>): Readable {
  const options = {
    columns: [...exportColumns],
    record_delimiter: 'windows',
    // Every text cell is quoted: a spreadsheet set to split at semicolons would otherwise run
    // `Ops;=1+1;x` as a formula in its second piece. Numbers stay bare, so they stay numbers.
    quoted_string: true,
    cast: { string: neutraliseFormula },
  } as const;
  async function* chunks() {
    yield `\uFEFF${stringify([], { ...options, header: true })}`;
    for await (const page of pages) if (page.length) yield stringify(page, options);
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** `{ threshold, from, to, rows: [...] }`, one chunk per page. */
export function jsonStream(
  head: { threshold: number; from: string | null; to: string | null },
  pages: AsyncIterable<ExportRow[]>,
): Readable {
  async function* chunks() {
    yield `${JSON.stringify(head).slice(0, -1)},"rows":[`;
    let first = true;
    for await (const page of pages) {
      if (!page.length) continue;
      yield (first ? '' : ',') + page.map((row) => JSON.stringify(row, exportColumns as unknown as string[])).join(',');
      first = false;
    }
    yield ']}';
  }
  return Readable.from(chunks(), { objectMode: false });
}

/**
 * Waits while the zip compressor's input is full. exceljs writes a sheet into a stream of its
 * own (`stream`, whose `pipes` are where archiver reads it) and ignores the compressor's
 * back-pressure; this reaches that stream (a readable-stream PassThrough, so it is recognised
 * by its writable state, not by class). exceljs is pinned by the lockfile; should the internals
 * move, the wait is skipped and only the yield and the response's drain remain. A wait never
 * lasts more than a second, so a stream that ends early cannot stall the export.
 */
async function compressorReady(sheet: object): Promise<void> {
  const internals = sheet as { stream?: { pipes?: unknown[] } };
  const next = internals.stream?.pipes?.[0] as (EventEmitter & { _writableState?: { needDrain?: boolean } }) | undefined;
  if (!(next instanceof EventEmitter) || !next._writableState?.needDrain) return;
  await once(next, 'drain', { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
}

/** Rows between two pauses of the XLSX writer. */
const XLSX_BATCH = 250;

/**
 * One worksheet written by exceljs's streaming writer: numbers as numbers, empty cells for
 * nulls, text as text cells (never formulas, so no quote is needed). exceljs hands rows to the
 * zip compressor without back-pressure, so every few hundred rows the writer yields to the
 * event loop (letting compression catch up) and waits while the compressor or the response is
 * full: memory stays flat however many rows there are.
 */
export function xlsxStream(pages: AsyncIterable<ExportRow[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Aggregates');
  const write = async () => {
    sheet.addRow([...exportColumns]).commit();
    let count = 0;
    for await (const page of pages) {
      for (const row of page) {
        sheet.addRow(exportColumns.map((column) => row[column] ?? undefined)).commit();
        if (++count % XLSX_BATCH !== 0) continue;
        await new Promise((resolve) => setImmediate(resolve));
        await compressorReady(sheet);
        if (out.writableNeedDrain) await once(out, 'drain');
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
