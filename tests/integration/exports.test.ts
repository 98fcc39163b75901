import { exportColumns, type OverviewRow } from '@pulse/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../support/auth.js';
import { clearOutbox, fullAnswers, openWindow, readOutbox, seedTeams } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

// A team name never contains "/" (it separates a path), so the link formula goes in the cycle label.
const FORMULA_TEAM = '=HYPERLINK("x")';
const PLUS_TEAM = '+SUM(1,2)';
const AT_TEAM = '@Tiny';
const CYCLE_LABEL = '=HYPERLINK("http://x")';
const CONSTRUCTS = ['autonomy', 'competence', 'relatedness', 'openness'] as const;

type CsvRow = Record<(typeof exportColumns)[number], string>;

describe(`aggregate export (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let admin: Session;
  let overview: OverviewRow[];

  beforeAll(async () => {
    t = await createTestApp();
    const app = t.app;
    hr = await loginAs(app, 'hr');
    admin = await loginAs(app, 'admin');
    // A team whose name is a formula, a sub-team whose name starts with "+", and a team too small to show.
    const [formula, plus] = await seedTeams(app, { [FORMULA_TEAM]: 6, [PLUS_TEAM]: 5, [AT_TEAM]: 2 });
    await app.db.updateTable('teams').set({ parent_id: formula!.id }).where('id', '=', plus!.id).execute();

    await clearOutbox(app);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: CYCLE_LABEL, ...openWindow() },
    });
    expect(created.statusCode).toBe(201);
    let i = 0;
    for (const mail of await readOutbox(app)) {
      if (!mail.token) continue;
      // A comment starting with "+": comments never reach the aggregate export.
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/pulse/${mail.token}`,
        payload: { answers: fullAnswers(2 + (i++ % 4)), comment: '+1 from me' },
      });
      expect(res.statusCode).toBe(201);
    }
    const closed = await app.inject({ method: 'POST', url: `/api/v1/cycles/${created.json().cycle.id}/close`, headers: hr.headers });
    expect(closed.statusCode).toBe(200);
    overview = (await app.inject({ method: 'GET', url: '/api/v1/overview', headers: hr.headers })).json().rows;
  });
  afterAll(() => t.close());

  const download = (session: Session, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/exports/aggregates?${query}`, headers: session.headers });
  const parseCsv = (body: string): CsvRow[] => parse(body, { bom: true, columns: true, skip_empty_lines: true });
  const exportAudits = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=exports.', headers: admin.headers })).json().entries;

  it('streams RFC 4180 CSV in UTF-8 whose figures are the API figures and whose hidden cells are empty with a reason', async () => {
    const res = await download(hr, 'format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="pulse-aggregates.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.subarray(3).toString('utf8');
    // Every text cell is quoted, the header's too (a semicolon-locale spreadsheet splits nothing inside quotes).
    expect(text.split('\r\n')[0]).toBe(exportColumns.map((c) => `"${c}"`).join(','));
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);

    const rows = parseCsv(res.body);
    // Three teams and the organisation, four constructs and eNPS (asked by default) each.
    expect(rows).toHaveLength(4 * 5);
    for (const team of overview) {
      const mine = rows.filter((r) => r.team_path.replace(/^'/, '') === team.team.path);
      expect(mine.map((r) => r.construct)).toEqual([...CONSTRUCTS, 'enps']);
      for (const row of mine) {
        expect(Number(row.response_rate)).toBe(team.responded / team.invited);
        if (team.suppressed) {
          expect(row).toMatchObject({ n: '', mean: '', ci_low: '', ci_high: '', fortress_index: '', suppressed: team.reason });
        } else if (row.construct === 'enps') {
          const enps = team.enps!;
          expect([Number(row.n), Number(row.mean), Number(row.ci_low), Number(row.ci_high)]).toEqual([
            enps.n,
            enps.score,
            enps.ciLow,
            enps.ciHigh,
          ]);
        } else {
          const score = team.scores![row.construct as (typeof CONSTRUCTS)[number]];
          expect([Number(row.n), Number(row.mean), Number(row.ci_low), Number(row.ci_high)]).toEqual([
            score.n,
            score.mean,
            score.ciLow,
            score.ciHigh,
          ]);
          expect(row.suppressed).toBe('');
        }
      }
    }
    const tiny = rows.find((r) => r.team === `'${AT_TEAM}`)!;
    expect(tiny).toMatchObject({ mean: '', suppressed: 'fewer than 5 responses' });
    expect(res.body).not.toContain('+1 from me');
  });

  it('neutralises text cells a spreadsheet would run as formulas, and only those', async () => {
    const res = await download(hr, 'format=csv');
    const rows = parseCsv(res.body);
    const formula = rows.find((r) => r.team === `'${FORMULA_TEAM}`);
    const plus = rows.find((r) => r.team === `'${PLUS_TEAM}`);
    expect(formula).toMatchObject({ team_path: `'${FORMULA_TEAM}`, cycle: `'${CYCLE_LABEL}` });
    expect(plus).toMatchObject({ team_path: `'${FORMULA_TEAM}/${PLUS_TEAM}` });
    // The raw file has the formula only inside a quoted field that starts with the quote mark.
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(rows.filter((r) => r.team === `'${AT_TEAM}`)).toHaveLength(5);
    for (const row of rows) {
      // Numbers stay numbers (an eNPS interval can start at −18.2); every text cell is neutralised.
      for (const value of Object.values(row)) if (!/^-?\d+(\.\d+)?$/.test(value)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('gives the same rows as JSON, with nulls and names as they are', async () => {
    const csv = parseCsv((await download(hr, 'format=csv')).body);
    const res = await download(hr, 'format=json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body).toMatchObject({ threshold: 5, from: null, to: null });
    expect(body.rows).toHaveLength(csv.length);
    expect(Object.keys(body.rows[0])).toEqual(exportColumns);
    body.rows.forEach((row: Record<string, unknown>, i: number) => {
      for (const column of exportColumns) {
        const text = row[column] === null ? '' : String(row[column]);
        expect(csv[i]![column].replace(/^'(?=[=+\-@])/, '')).toBe(text);
      }
    });
    expect(body.rows.some((r: { team: string }) => r.team === FORMULA_TEAM)).toBe(true);
  });

  it('writes XLSX with numbers as numbers, hidden cells empty and names as plain text', async () => {
    const json = (await download(hr, 'format=json')).json();
    const res = await download(hr, 'format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Aggregates')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...exportColumns]);
    expect(sheet.rowCount).toBe(json.rows.length + 1);
    json.rows.forEach((row: Record<string, unknown>, i: number) => {
      const cells = sheet.getRow(i + 2);
      exportColumns.forEach((column, c) => {
        const cell = cells.getCell(c + 1);
        // An empty text cell (the organisation's path) reads back as no value.
        expect(cell.value ?? null).toBe(row[column] === '' ? null : row[column]);
        expect(cell.formula).toBeUndefined();
      });
    });
  });

  it('filters by the cycle start date, and audits every export with who, format, range and rows', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = await exportAudits();
    const none = await download(hr, 'format=csv&to=2000-01-31');
    expect(parseCsv(none.body)).toEqual([]);
    expect(none.headers['content-disposition']).toBe('attachment; filename="pulse-aggregates-2000-01-31.csv"');
    const all = await download(admin, `format=json&from=2000-01-01&to=${today}`);
    expect(all.json().rows).toHaveLength(20);
    const entries = (await exportAudits()).slice(0, 2);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect((await exportAudits()).length).toBe(before.length + 2);
    expect(entries[0]).toMatchObject({
      action: 'exports.download',
      actorEmail: admin.user.email,
      target: 'aggregates',
      details: { format: 'json', from: '2000-01-01', to: today, rows: 20, completed: true },
    });
    expect(entries[1]).toMatchObject({ actorEmail: hr.user.email, details: { format: 'csv', from: null, to: '2000-01-31', rows: 0 } });
  });

  it('refuses leaders and members, and answers bad input with 400 without auditing', async () => {
    const before = (await exportAudits()).length;
    expect((await download(await loginAs(t.app, 'leader'), 'format=csv')).statusCode).toBe(403);
    expect((await download(await loginAs(t.app, 'member'), 'format=csv')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/aggregates' })).statusCode).toBe(401);
    for (const query of ['format=pdf', 'format=csv&from=yesterday', 'format=csv&from=2026-05-01&to=2026-04-01']) {
      const res = await download(hr, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_request', details: expect.any(Array) });
    }
    expect((await exportAudits()).length).toBe(before);
  });

  it('pages through many teams in path order, each team once, sub-teams after their parent', async () => {
    // 230 planted teams (three pages) with stored figures for the closed cycle.
    const cycle = await t.app.db.selectFrom('cycles').select('id').executeTakeFirstOrThrow();
    const parent = await t.app.db.insertInto('teams').values({ name: 'Bulk' }).returning('id').executeTakeFirstOrThrow();
    const names = Array.from({ length: 229 }, (_, i) => `Unit ${String(i).padStart(3, '0')}`);
    const teams = await t.app.db
      .insertInto('teams')
      .values(names.map((name) => ({ name, parent_id: parent.id })))
      .returning('id')
      .execute();
    await t.app.db
      .insertInto('team_cycle_stats')
      .values(
        [parent, ...teams].map((team) => ({
          cycle_id: cycle.id,
          team_id: team.id,
          invited: 4,
          responded: 3,
          suppressed: true,
          reason: 'below_threshold',
          scores: null,
          fortress_index: null,
        })),
      )
      .execute();
    const rows = (await download(hr, 'format=json')).json().rows as { team_path: string; construct: string }[];
    const paths = rows.filter((r) => r.construct === 'autonomy').map((r) => r.team_path);
    expect(paths).toHaveLength(4 + 230);
    expect(new Set(paths).size).toBe(paths.length);
    const bulk = paths.filter((p) => p.startsWith('Bulk'));
    expect(bulk).toEqual(['Bulk', ...names.map((n) => `Bulk/${n}`)]);
    expect(paths.indexOf(`${FORMULA_TEAM}/${PLUS_TEAM}`)).toBe(paths.indexOf(FORMULA_TEAM) + 1);
  });
});
