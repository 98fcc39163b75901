import type { ErrorDetail } from '@pulse/shared';
import { CUSTOMER_CSV_COLUMNS, type Relationship } from '@pulse/shared/api/customers';
import { lineDetail, readCsvRecords } from '../../csv-records.js';

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

const EXPECTED = `Expected: ${CUSTOMER_CSV_COLUMNS.join(',')}.`;

/**
 * Parses `provider,customer,relationship` (a BOM, quotes, CRLF or LF are fine). Every problem is
 * collected, one entry per line counting the header as line 1; team names are checked later.
 */
export function parseCustomerCsv(text: string): { rows: CustomerCsvRow[]; errors: ErrorDetail[] } {
  const read = readCsvRecords(text);
  if ('unreadable' in read) return { rows: [], errors: [read.unreadable] };
  const [header, ...body] = read.records;
  if (!header) return { rows: [], errors: [lineDetail(1, [`The file is empty. ${EXPECTED}`])] };
  const columns = header.fields.map((c) => c.toLowerCase());
  if (columns.join(',') !== CUSTOMER_CSV_COLUMNS.join(','))
    return { rows: [], errors: [lineDetail(header.line, [`The first line is "${header.fields.join(',')}". ${EXPECTED}`])] };

  const rows: CustomerCsvRow[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields: record } of body) {
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
    if (problems.length) errors.push(lineDetail(line, problems));
    else rows.push({ line, provider, customer, relationship: relationship! });
  }
  return { rows, errors };
}
