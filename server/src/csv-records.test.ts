import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-records.js';

describe('readCsvRecords', () => {
  it('gives each record the line it starts on, past blank lines and quoted line breaks', () => {
    const text = '\uFEFFprovider,customer,relationship\r\n\r\n"Sales\nNorth",Legal , strategic\r\nIT,"Pay\nroll",drive_thru\n';
    expect(readCsvRecords(text)).toEqual({
      records: [
        { line: 1, fields: ['provider', 'customer', 'relationship'] },
        { line: 3, fields: ['Sales\nNorth', 'Legal', 'strategic'] },
        { line: 5, fields: ['IT', 'Pay\nroll', 'drive_thru'] },
      ],
    });
  });

  it('names the line of a file it cannot read', () => {
    const read = readCsvRecords('email,name,team\na@example.org,"Ann,Team A\n');
    expect(read).toEqual({ unreadable: { path: 'line 2', message: expect.stringContaining('cannot be read') } });
  });
});
