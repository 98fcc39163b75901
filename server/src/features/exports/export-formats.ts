import { once } from 'node:events';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { exportColumns, type ExportFormat, type ExportRow } from '@pulse/shared';
import { stringify } from 'csv-stringify';
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
 * RFC 4180 CSV in UTF-8: CRLF line ends, a header line, fields quoted when they hold a comma, a
 * quote, CR or LF; empty fields for nulls. A byte-order mark lets spreadsheets read UTF-8.
 */
export function csvStream(rows: AsyncIterable<ExportRow>): Readable {
  const out = stringify({
    header: true,
    columns: [...exportColumns],
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify only quotes the whole record delimiter; a lone CR or LF must be quoted too.
    quoted_match: /[\r\n]/,
    cast: { string: neutraliseFormula },
  });
  pipeline(Readable.from(rows), out, () => {
    // An error destroys `out`, which aborts the response; nothing else to do here.
  });
  return out;
}

/** `{ threshold, from, to, rows: [...] }`, written row by row in chunks of about 64 KB. */
export function jsonStream(head: { threshold: number; from: string | null; to: string | null }, rows: AsyncIterable<ExportRow>): Readable {
  async function* chunks() {
    let buffer = `${JSON.stringify(head).slice(0, -1)},"rows":[`;
    let first = true;
    for await (const row of rows) {
      buffer += (first ? '' : ',') + JSON.stringify(row, exportColumns as unknown as string[]);
      first = false;
      if (buffer.length >= 65_536) {
        yield buffer;
        buffer = '';
      }
    }
    yield `${buffer}]}`;
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Rows between two pauses of the XLSX writer. */
const XLSX_BATCH = 250;

/**
 * One worksheet written by exceljs's streaming writer: numbers as numbers, empty cells for
 * nulls, text as text cells (never formulas, so no quote is needed). exceljs hands rows to the
 * zip compressor without back-pressure, so every few hundred rows the writer yields to the
 * event loop (letting compression catch up) and waits while the response is full: memory
 * stays flat however many rows there are.
 */
export function xlsxStream(rows: AsyncIterable<ExportRow>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Aggregates');
  const write = async () => {
    sheet.addRow([...exportColumns]).commit();
    let count = 0;
    for await (const row of rows) {
      sheet.addRow(exportColumns.map((column) => row[column] ?? undefined)).commit();
      if (++count % XLSX_BATCH !== 0) continue;
      await new Promise((resolve) => setImmediate(resolve));
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
