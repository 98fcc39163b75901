import { describe, expect, it } from 'vitest';
import { parseMemberCsv } from './members.csv.js';

describe('parseMemberCsv', () => {
  it('reads a BOM, quoted fields, CRLF and LF, and defaults the role to member', () => {
    const csv = '\uFEFFemail,name,team,role\r\nana@example.test,"Ana ""A"", Jr",Ops/Payroll,\r\n\nbo@example.test,Bo,"Ops",leader\n';
    const { rows, errors } = parseMemberCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, email: 'ana@example.test', name: 'Ana "A", Jr', team: 'Ops/Payroll', teamPath: ['Ops', 'Payroll'], role: 'member' },
      { line: 4, email: 'bo@example.test', name: 'Bo', team: 'Ops', teamPath: ['Ops'], role: 'leader' },
    ]);
  });

  it('numbers lines from the header and reports one entry per bad line', () => {
    const csv = [
      'email,name,team,role',
      'ok@example.test,Ok,Ops,member',
      'not-an-email,Bad,Ops,member',
      'x@example.test,,Ops,boss',
      'ok@example.test,Again,Ops,member',
      'y@example.test,Y,Ops//Sub,member',
    ].join('\n');
    const { errors } = parseMemberCsv(csv);
    expect(errors.map((e) => e.path)).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(errors[1]!.message).toMatch(/name is missing.*"boss" is not a role/);
    expect(errors[2]!.message).toMatch(/also on line 2/);
  });

  it('counts a quoted multi-line field from the line its record starts on', () => {
    const csv = 'email,name,team\na@example.test,"Two\nlines",Ops\nbad,B,Ops\n';
    expect(parseMemberCsv(csv).errors.map((e) => e.path)).toEqual(['line 4']);
  });

  it('rejects a wrong header and an unclosed quote as line errors', () => {
    expect(parseMemberCsv('mail,name\n').errors[0]).toMatchObject({ path: 'line 1' });
    expect(parseMemberCsv('email,name,team\na@example.test,"open,Ops\n').errors[0]!.path).toMatch(/^line \d+$/);
    expect(parseMemberCsv('').errors[0]).toMatchObject({ path: 'line 1' });
  });
});
