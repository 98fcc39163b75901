import type { ErrorDetail } from '@pulse/shared';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** One record of an uploaded CSV and the line it starts on, the header being line 1. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A problem found on one line of an upload, in the shape the import routes answer with. */
export const lineDetail = (line: number, problems: string[]): ErrorDetail => ({ path: `line ${line}`, message: problems.join(' ') });

/**
 * Reads an uploaded CSV the way people save one: a BOM, quoted fields (newlines inside quotes
 * too), CRLF or LF, blank lines skipped, fields trimmed, rows of any length (the caller says
 * which length it expects). A file the parser cannot read gives one problem with its line.
 */
export function readCsvRecords(text: string): { records: CsvRecord[] } | { unreadable: ErrorDetail } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
    }) as unknown as typeof parsed; // `info: true` wraps each record; the typings do not follow the option.
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return { unreadable: lineDetail(line, [`The file cannot be read here: ${error.message.split(':')[0]}.`]) };
  }
  // csv-parse reports the line a record ends on; a quoted field may span lines.
  return { records: parsed.map(({ record, info }) => ({ line: info.lines - newlinesIn(record), fields: record })) };
}

const newlinesIn = (fields: string[]) => fields.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
