import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../support/auth.js';
import { clearOutbox, fullAnswers, openWindow, readOutbox, seedTeams, type SeededTeam } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

const ITEMS = '/api/v1/questionnaire/items';

describe(`the instrument: eNPS and HR's questions (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let leader: Session;
  let legal: SeededTeam;
  let it_: SeededTeam;
  let tiny: SeededTeam;
  let opsId: string;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await loginAs(t.app, 'hr');
    leader = await loginAs(t.app, 'leader');
    // Operations (no members of its own) holds Legal 6, IT 5 and Tiny 2.
    [legal, it_, tiny] = (await seedTeams(t.app, { Legal: 6, IT: 5, Tiny: 2 })) as [SeededTeam, SeededTeam, SeededTeam];
    const ops = await t.app.db.insertInto('teams').values({ name: 'Operations' }).returning('id').executeTakeFirstOrThrow();
    opsId = ops.id;
    await t.app.db.updateTable('teams').set({ parent_id: ops.id }).where('id', 'in', [legal.id, it_.id, tiny.id]).execute();
  });
  afterAll(() => t.close());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, session: Session | null, payload?: object) =>
    t.app.inject({ method, url, ...(session ? { headers: session.headers } : {}), ...(payload ? { payload } : {}) });
  const instrument = async () => (await inject('GET', ITEMS, hr)).json();
  const active = async () => (await instrument()).items.filter((i: { retiredAt: string | null }) => i.retiredAt === null);
  const retireAll = async () => {
    for (const item of await active()) expect((await inject('POST', `${ITEMS}/${item.id}/retire`, hr)).statusCode).toBe(200);
  };

  /** Opens a cycle for every team; resolves each member's link token by team name. */
  async function openCycle(label: string): Promise<{ id: string; version: number; links: Map<string, string[]> }> {
    await clearOutbox(t.app);
    const res = await inject('POST', '/api/v1/cycles', hr, { label, ...openWindow() });
    expect(res.statusCode).toBe(201);
    const links = new Map<string, string[]>();
    for (const mail of await readOutbox(t.app)) {
      const team = [legal, it_, tiny].find((tm) => tm.members.some((m) => m.email === mail.to))!;
      links.set(team.name, [...(links.get(team.name) ?? []), mail.token!]);
    }
    return { id: res.json().cycle.id, version: res.json().cycle.questionnaireVersion, links };
  }
  const pulseOf = async (token: string) => (await inject('GET', `/api/v1/pulse/${token}`, null)).json();
  const close = async (cycleId: string) => expect((await inject('POST', `/api/v1/cycles/${cycleId}/close`, hr)).statusCode).toBe(200);

  it('refuses bad input with a clear 400 and changes nothing', async () => {
    const before = await instrument();
    const unknownTeam = '00000000-0000-4000-8000-000000000000';
    const cases: [object, string][] = [
      [{}, 'text'],
      [{ text: '   ', scale: 'agreement' }, 'text'],
      [{ text: 'x'.repeat(301), scale: 'agreement' }, 'text'],
      [{ text: 'Clear goals?', scale: 'stars' }, 'scale'],
      [{ text: 'Clear goals?', scale: 'agreement', teamIds: ['not-a-uuid'] }, 'teamIds.0'],
      [{ text: 'Clear goals?', scale: 'agreement', teamIds: [legal.id, unknownTeam] }, 'teamIds.1'],
    ];
    for (const [payload, path] of cases) {
      const res = await inject('POST', ITEMS, hr, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await inject('PATCH', `${ITEMS}/${unknownTeam}`, hr, {})).statusCode).toBe(400);
    expect((await inject('PATCH', `${ITEMS}/not-an-id`, hr, { text: 'x' })).statusCode).toBe(400);
    expect((await inject('PUT', '/api/v1/questionnaire/enps', hr, { enabled: 'yes' })).statusCode).toBe(400);
    expect(await instrument()).toEqual(before);
    // eNPS is on by default, with no questions of HR's own.
    expect(before).toMatchObject({ enps: true, items: [], maxActive: 5 });
  });

  it('lets only HR and admins change the instrument', async () => {
    const before = await instrument();
    expect((await inject('POST', ITEMS, leader, { text: 'Clear goals?', scale: 'agreement' })).statusCode).toBe(403);
    expect((await inject('PUT', '/api/v1/questionnaire/enps', leader, { enabled: false })).statusCode).toBe(403);
    expect((await inject('POST', ITEMS, null, { text: 'Clear goals?', scale: 'agreement' })).statusCode).toBe(401);
    expect(await instrument()).toEqual(before);
  });

  it('asks at most five questions at once: a sixth is refused with 409 until one is retired', async () => {
    for (let i = 1; i <= 5; i++)
      expect((await inject('POST', ITEMS, hr, { text: `Question ${i}`, scale: 'zero_to_ten' })).statusCode).toBe(201);
    const before = await instrument();
    const sixth = await inject('POST', ITEMS, hr, { text: 'Question 6', scale: 'agreement' });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error.message).toMatch(/At most 5 questions .* Retire one/);
    expect(await instrument()).toEqual(before);
    const first = before.items[0];
    const retired = await inject('POST', `${ITEMS}/${first.id}/retire`, hr);
    expect(retired.json().item.retiredAt).not.toBeNull();
    expect((await inject('POST', `${ITEMS}/${first.id}/retire`, hr)).statusCode).toBe(409);
    expect((await inject('POST', ITEMS, hr, { text: 'Question 6', scale: 'agreement' })).statusCode).toBe(201);
    await retireAll();
  });

  it('rewording keeps the id and makes a new version; a cycle and its responses keep theirs', async () => {
    const added = await inject('POST', ITEMS, hr, { text: 'I know our goals.', scale: 'agreement' });
    expect(added.statusCode).toBe(201);
    const { item, version } = added.json();
    const march = await openCycle('March');
    expect(march.version).toBe(version);
    const reworded = await inject('PATCH', `${ITEMS}/${item.id}`, hr, { text: 'I know what our team is trying to achieve.' });
    expect(reworded.statusCode).toBe(200);
    expect(reworded.json().item).toMatchObject({ id: item.id, text: 'I know what our team is trying to achieve.' });
    expect(reworded.json().version).toBe(version + 1);

    // The open cycle still asks the old wording under the same id; a new cycle asks the new one.
    const marchToken = march.links.get('Legal')![0]!;
    const asked = (await pulseOf(marchToken)).questionnaire;
    expect(asked.version).toBe(version);
    expect(asked.extraItems).toEqual([
      expect.objectContaining({ id: 'enps', kind: 'enps', scale: expect.objectContaining({ min: 0, max: 10 }) }),
      expect.objectContaining({ id: item.id, kind: 'custom', text: 'I know our goals.' }),
    ]);
    const answered = await inject('POST', `/api/v1/pulse/${marchToken}`, null, { answers: { ...fullAnswers(), [item.id]: 5 } });
    expect(answered.statusCode).toBe(201);
    const stored = await t.app.db
      .selectFrom('responses')
      .select(['questionnaire_version', 'answers'])
      .where('cycle_id', '=', march.id)
      .execute();
    expect(stored).toEqual([{ questionnaire_version: version, answers: { ...fullAnswers(), [item.id]: 5 } }]);

    const april = await openCycle('April');
    expect(april.version).toBe(version + 1);
    const aprilItems = (await pulseOf(april.links.get('IT')![0]!)).questionnaire.extraItems;
    expect(aprilItems.find((i: { id: string }) => i.id === item.id).text).toBe('I know what our team is trying to achieve.');
    await close(march.id);
    await close(april.id);
    await retireAll();
  });

  it('asks a question of chosen teams only: another team neither sees it nor may answer it', async () => {
    const added = await inject('POST', ITEMS, hr, { text: 'Our requests are clear.', scale: 'agreement', teamIds: [legal.id] });
    const id = added.json().item.id as string;
    expect(added.json().item.teamIds).toEqual([legal.id]);
    const may = await openCycle('May');
    const legalToken = may.links.get('Legal')![0]!;
    const itToken = may.links.get('IT')![0]!;
    expect((await pulseOf(legalToken)).questionnaire.extraItems.map((i: { id: string }) => i.id)).toEqual(['enps', id]);
    expect((await pulseOf(itToken)).questionnaire.extraItems.map((i: { id: string }) => i.id)).toEqual(['enps']);

    const itWith = await inject('POST', `/api/v1/pulse/${itToken}`, null, { answers: { ...fullAnswers(), [id]: 4 } });
    expect(itWith.statusCode).toBe(400);
    expect(itWith.json().error.details).toEqual([{ path: `answers.${id}`, message: 'is not a question of this pulse' }]);
    const legalWithout = await inject('POST', `/api/v1/pulse/${legalToken}`, null, { answers: fullAnswers() });
    expect(legalWithout.statusCode).toBe(400);
    expect(legalWithout.json().error.details).toEqual([{ path: `answers.${id}`, message: 'is required' }]);
    const noEnps = await inject('POST', `/api/v1/pulse/${itToken}`, null, { answers: { ...fullAnswers(), enps: 11 } });
    expect(noEnps.json().error.details).toEqual([{ path: 'answers.enps', message: 'must be from 0 to 10' }]);
    expect(await t.app.db.selectFrom('responses').select('id').where('cycle_id', '=', may.id).execute()).toEqual([]);
    await close(may.id);
    await retireAll();
  });

  it('shows eNPS and a question exactly where the cell is shown, in the API and the export', async () => {
    const added = await inject('POST', ITEMS, hr, { text: 'Our requests are clear.', scale: 'agreement', teamIds: [legal.id] });
    const id = added.json().item.id as string;
    const june = await openCycle('June');
    // Legal: eNPS 10, 9, 9, 8, 5, 0 (3 promoters, 2 detractors) and the question 5, 4, 4, 3, 5, 3.
    const legalEnps = [10, 9, 9, 8, 5, 0];
    const legalItem = [5, 4, 4, 3, 5, 3];
    for (const [i, token] of june.links.get('Legal')!.entries()) {
      const res = await inject('POST', `/api/v1/pulse/${token}`, null, {
        answers: { ...fullAnswers(), enps: legalEnps[i]!, [id]: legalItem[i]! },
      });
      expect(res.statusCode).toBe(201);
    }
    for (const team of ['IT', 'Tiny']) {
      for (const token of june.links.get(team)!)
        expect((await inject('POST', `/api/v1/pulse/${token}`, null, { answers: fullAnswers(3) })).statusCode).toBe(201);
    }
    await close(june.id);

    // Legal's eNPS by hand: p = 3/6, d = 2/6, eNPS 16.67; Var = (5/6 − (1/6)²)/6 = 0.134259,
    // half-width 1.959964 · √0.134259 · 100 = 71.816, so −55.149 … 88.483.
    const point = async (teamId: string) =>
      (await inject('GET', `/api/v1/teams/${teamId}/trends`, hr)).json().series.find((p: { cycleId: string }) => p.cycleId === june.id);
    const legalPoint = await point(legal.id);
    expect(legalPoint.suppressed).toBe(false);
    expect(legalPoint.enps.score).toBeCloseTo(16.6667, 3);
    expect(legalPoint.enps.ciLow).toBeCloseTo(-55.1492, 3);
    expect(legalPoint.enps.ciHigh).toBeCloseTo(88.4825, 3);
    expect(legalPoint.enps.n).toBe(6);
    // The question: mean 4, sd 0.8944, t(0.975, 5) = 2.5706 → 3.0614 … 4.9386, on its own 1–5 scale.
    expect(legalPoint.customItems).toHaveLength(1);
    expect(legalPoint.customItems[0]).toMatchObject({ id, text: 'Our requests are clear.', min: 1, max: 5, n: 6, mean: 4 });
    expect(legalPoint.customItems[0].ciLow).toBeCloseTo(3.0614, 3);

    // Every cell: eNPS where (and only where) its scores are; the Legal-only question only in Legal.
    const overview = (await inject('GET', `/api/v1/overview?cycleId=${june.id}`, hr)).json().rows as {
      team: { id: string; name: string };
      suppressed: boolean;
      scores?: object;
      enps?: object;
      customItems?: object[];
    }[];
    expect(overview.map((r) => r.team.name).sort()).toEqual(['IT', 'Legal', 'Operations', 'Tiny']);
    for (const row of overview) {
      expect(row.enps !== undefined, row.team.name).toBe(!row.suppressed);
      expect(row.customItems !== undefined, row.team.name).toBe(row.team.id === legal.id);
    }
    expect(overview.find((r) => r.team.id === tiny.id)!.suppressed).toBe(true);
    // Operations minus Legal and IT would be Tiny: the parent is hidden with its eNPS.
    expect(overview.find((r) => r.team.id === opsId)).toMatchObject({ suppressed: true });
    const tinyPoint = await point(tiny.id);
    expect(tinyPoint.enps).toBeUndefined();
    expect(tinyPoint.customItems).toBeUndefined();

    const exported = (await inject('GET', '/api/v1/exports/aggregates?format=json', hr)).json().rows as {
      team: string;
      cycle: string;
      construct: string;
      n: number | null;
      mean: number | null;
      suppressed: string | null;
    }[];
    const juneRows = exported.filter((r) => r.cycle === 'June');
    // Each team's eNPS row is hidden exactly where its construct rows are, with the same reason.
    for (const row of juneRows.filter((r) => r.construct === 'enps')) {
      const autonomy = juneRows.find((r) => r.team === row.team && r.construct === 'autonomy')!;
      expect([row.mean === null, row.suppressed], row.team).toEqual([autonomy.mean === null, autonomy.suppressed]);
    }
    expect(
      juneRows
        .filter((r) => r.construct === 'enps' && r.mean !== null)
        .map((r) => r.team)
        .sort(),
    ).toEqual(['IT', 'Legal']);
    const legalRows = juneRows.filter((r) => r.team === 'Legal');
    expect(legalRows.find((r) => r.construct === 'enps')).toMatchObject({ n: 6 });
    expect(legalRows.find((r) => r.construct === `custom:${id}`)).toMatchObject({ n: 6, mean: 4, suppressed: null });
    expect(juneRows.filter((r) => r.team === 'Tiny').map((r) => [r.construct, r.mean])).toEqual([
      ['autonomy', null],
      ['competence', null],
      ['relatedness', null],
      ['openness', null],
      ['enps', null],
    ]);
    // Nowhere does the question appear outside Legal's own cell.
    expect(juneRows.filter((r) => r.construct === `custom:${id}` && r.mean !== null).map((r) => r.team)).toEqual(['Legal']);
    await retireAll();
  });

  it('turning eNPS off removes it from cycles created from then on', async () => {
    const off = await inject('PUT', '/api/v1/questionnaire/enps', hr, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().enps).toBe(false);
    const july = await openCycle('July');
    const token = july.links.get('IT')![0]!;
    expect((await pulseOf(token)).questionnaire.extraItems).toEqual([]);
    const { enps: _enps, ...withoutEnps } = fullAnswers();
    const sent = await inject('POST', `/api/v1/pulse/${token}`, null, { answers: fullAnswers() });
    expect(sent.json().error.details).toEqual([{ path: 'answers.enps', message: 'is not a question of this pulse' }]);
    expect((await inject('POST', `/api/v1/pulse/${token}`, null, { answers: withoutEnps })).statusCode).toBe(201);
    expect((await inject('PUT', '/api/v1/questionnaire/enps', hr, { enabled: true })).json().enps).toBe(true);
    await close(july.id);
  });
});
