import type { ErrorDetail } from '@pulse/shared';
import { CUSTOMER_CSV_COLUMNS, type Relationship } from '@pulse/shared/api/customers';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** One row of a customer-map CSV as read: team names or paths, not yet looked up. */
export interface CustomerCsvRow {
  line: number;
  provider: string;
  customer: string;
  relationship: Relationship;
}

const RELATIONSHIPS: Record<string, Relationship> = {
  drive_thru: 'drive_thru',
  'drive-thru': 'drive_thru',
  'drive thru': 'drive_thru',
  strategic: 'strategic',
  'strategic partner': 'strategic',
  strategic_partner: 'strategic',
};

const detail = (line: number, problems: string[]): ErrorDetail => ({ path: `line ${line}`, message: problems.join(' ') });
const EXPECTED = `Expected: ${CUSTOMER_CSV_COLUMNS.join(',')}.`;

/**
 * Parses `provider,customer,relationship` (a BOM, quotes, CRLF or LF are fine). Every problem is
 * collected, one entry per line counting the header as line 1; team names are checked later.
 */
export function parseCustomerCsv(text: string): { rows: CustomerCsvRow[]; errors: ErrorDetail[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // `info: true` wraps each record with where it ends; the typings do not follow the option.
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      rows: [],
      errors: [
        detail((error as CsvError & { lines?: number }).lines ?? 1, [`The file cannot be read here: ${error.message.split(':')[0]}.`]),
      ],
    };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [detail(1, [`The file is empty. ${EXPECTED}`])] };
  const columns = header.record.map((c) => c.toLowerCase());
  if (columns.join(',') !== CUSTOMER_CSV_COLUMNS.join(','))
    return { rows: [], errors: [detail(header.info.lines, [`The first line is "${header.record.join(',')}". ${EXPECTED}`])] };

  const rows: CustomerCsvRow[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    // A quoted field may span lines; the record starts where its first line is.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const [provider = '', customer = '', rawRelationship = ''] = record;
    const problems: string[] = [];
    if (record.length !== 3) problems.push(`Expected 3 fields, found ${record.length}.`);
    if (!provider) problems.push('The provider team is missing.');
    if (!customer) problems.push('The customer team is missing.');
    const relationship = RELATIONSHIPS[rawRelationship.toLowerCase()];
    if (!relationship) problems.push(`"${rawRelationship}" is not a relationship (drive_thru or strategic).`);
    const key = `${provider.toLowerCase()}\u0000${customer.toLowerCase()}`;
    const earlier = seen.get(key);
    if (provider && customer && earlier !== undefined) problems.push(`The same pair is also on line ${earlier}.`);
    else seen.set(key, line);
    if (problems.length) errors.push(detail(line, problems));
    else rows.push({ line, provider, customer, relationship: relationship! });
  }
  return { rows, errors };
}
