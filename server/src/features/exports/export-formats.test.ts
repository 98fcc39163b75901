import { describe, expect, it } from 'vitest';
import type { ExportRow } from '@pulse/shared';
import { csvStream, neutraliseFormula } from './export-formats.js';

const row = (overrides: Partial<ExportRow>): ExportRow => ({
  team: 'Legal',
  team_path: 'Operations/Legal',
  cycle: 'March',
  construct: 'autonomy',
  n: 6,
  mean: 62.5,
  ci_low: -3.25,
  ci_high: 90,
  response_rate: 1,
  fortress_index: null,
  alert_level: null,
  suppressed: null,
  cycle_opens_at: '2026-03-02',
  ...overrides,
});

async function* from(rows: ExportRow[]) {
  yield [];
  yield rows;
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('neutraliseFormula', () => {
  it('quotes text starting with =, +, -, @, tab or CR, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    for (const safe of ['Legal', ' =1', "'=1", 'a=b', '']) expect(neutraliseFormula(safe)).toBe(safe);
  });
});

describe('csvStream', () => {
  it('keeps negative numbers numeric, quotes line breaks and ends lines with CRLF', async () => {
    const csv = await text(csvStream(from([row({ team: '-5 days', cycle: 'line\nbreak', suppressed: 'a "reason"' })])));
    const [header, line, end] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      '"team","team_path","cycle","construct","n","mean","ci_low","ci_high","response_rate","fortress_index","alert_level","suppressed","cycle_opens_at"',
    );
    expect(line).toBe(`"'-5 days","Operations/Legal","line\nbreak","autonomy",6,62.5,-3.25,90,1,,,"a ""reason""","2026-03-02"`);
    expect(end).toBe('');
  });

  it('quotes every text cell, so a semicolon-locale spreadsheet cannot split one into a formula', async () => {
    const csv = await text(csvStream(from([row({ team: 'Ops;=1+1;x', team_path: 'Ops;@SUM(A1)', cycle: '=HYPERLINK("x")' })])));
    const line = csv.replace(/^\uFEFF/, '').split('\r\n')[1]!;
    expect(line.startsWith(`"Ops;=1+1;x","Ops;@SUM(A1)","'=HYPERLINK(""x"")","autonomy",6,`)).toBe(true);
    // Split at every semicolon and comma outside quotes, as such a spreadsheet would: no text cell starts a formula.
    const outsideQuotes = line.replace(/"(?:[^"]|"")*"/g, '""');
    const formulas = outsideQuotes.split(/[;,]/).filter((cell) => Number.isNaN(Number(cell)) && /^[=+\-@]/.test(cell));
    expect(formulas).toEqual([]);
  });
});
