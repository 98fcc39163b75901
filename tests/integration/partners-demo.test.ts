import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoOrganisation } from '../support/demo.js';
import { readOutbox } from '../support/pulse.js';
import { backend } from '../support/test-app.js';

/** The demo organisation seen from outside: Legal's customers rate it, and leaders get digests. */
describe(`the demo organisation's partner view and digests (${backend})`, () => {
  const demo = useDemoOrganisation();
  const { teamId, get } = demo;

  it('has more than 500 partner ratings', () => {
    expect(demo.summary.partnerRatings).toBeGreaterThan(500);
  });

  it('cites what Legal says of itself next to what the teams that rely on it see', async () => {
    const { alerts } = await get(`/api/v1/alerts?status=open&teamId=${teamId.Legal}`);
    const fortress = alerts.find((a: { kind: string }) => a.kind === 'fortress');
    expect(fortress.summary).toMatch(/^Relatedness fell \d+ points and openness fell \d+ points/);
    expect(fortress.summary).toMatch(
      /Seen from outside: the teams that rely on this team rate its responsiveness \d+ points lower over \d+ cycles \(\d+ now from \d+ ratings by \d teams/,
    );
    expect(fortress.summary).toMatch(/while the team rates its own openness \d+ points? lower/);
    expect(fortress.signals.map((s: { facet?: string }) => s.facet ?? null)).toContain('partner');
    // Mostly drive-thru customers: a request menu and automation come first.
    expect(fortress.actions[0]).toMatch(/^Publish a request menu/);
    const { series } = await get(`/api/v1/teams/${teamId.Legal}/trends`);
    const last = series.at(-1);
    expect(last.partner.raterTeams).toBeGreaterThanOrEqual(2);
    expect(last.partner.n).toBeGreaterThanOrEqual(5);
    expect(last.alignment.n).toBeGreaterThanOrEqual(5);
  });

  it('has mailed Legal’s leader a digest naming its fortress alert, with no figure from a suppressed group', async () => {
    const mails = (await readOutbox(demo.t.app)).filter((m) => /new or escalated/.test(m.subject));
    const lena = mails.filter((m) => m.to === 'lena.legal@demo.example');
    expect(lena.length).toBeGreaterThan(0);
    const stats = await demo.t.app.db
      .selectFrom('team_cycle_stats as s')
      .innerJoin('cycles as c', 'c.id', 's.cycle_id')
      .innerJoin('teams as tm', 'tm.id', 's.team_id')
      .select(['c.label', 'tm.name', 's.suppressed'])
      .execute();
    const suppressed = new Set(stats.filter((s) => s.suppressed).map((s) => `${s.label}|${s.name}`));
    expect(suppressed.size).toBeGreaterThan(0); // Payroll, every month
    const text = async (file: string) => {
      const qp = (await readFile(path.join(demo.t.app.mailer.outboxDir, file), 'latin1')).replace(/=\r?\n/g, '');
      return Buffer.from(
        qp.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    };
    let legalFortress = false;
    for (const mail of mails) {
      const raw = await text(mail.file);
      // A long subject is folded over header lines.
      const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)![1]!.replace(/\r?\n[ \t]+/g, ' ');
      const label = /after the (.+) pulse$/.exec(subject)![1]!;
      for (const line of raw.split('\n').filter((l) => l.startsWith('- '))) {
        const team = line.slice(2, line.indexOf(':'));
        if (suppressed.has(`${label}|${team}`) && !/partners’ view/.test(line)) expect(line).not.toMatch(/\d/);
        if (mail.to === 'lena.legal@demo.example' && /^- Legal: fortress of no, (warning|critical)\. .*partners’ view/.test(line))
          legalFortress = true;
      }
    }
    expect(legalFortress).toBe(true);
    expect(mails.some((m) => m.to === 'hr@demo.example' && m.subject.startsWith('Organisation digest'))).toBe(true);
  });

  it('exports the partners’ view and the values alignment exactly where the screen shows them', async () => {
    const res = await demo.t.app.inject({ method: 'GET', url: '/api/v1/exports/aggregates?format=json', headers: demo.hr.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const rows: { team: string; cycle: string; construct: string; n: number | null; mean: number | null; suppressed: string | null }[] =
      Array.isArray(body) ? body : body.rows;
    const { series } = await get(`/api/v1/teams/${teamId.Legal}/trends`);
    for (const point of series) {
      const partner = rows.find((r) => r.team === 'Legal' && r.cycle === point.label && r.construct === 'partner_responsiveness');
      if (point.partner) expect(partner).toMatchObject({ n: point.partner.n, mean: point.partner.mean, suppressed: null });
      else if (partner) expect(partner).toMatchObject({ n: null, mean: null, suppressed: expect.any(String) });
      const alignment = rows.find((r) => r.team === 'Legal' && r.cycle === point.label && r.construct === 'values_alignment');
      if (point.alignment) expect(alignment).toMatchObject({ n: point.alignment.n, mean: point.alignment.mean });
      else expect(alignment).toBeUndefined();
    }
    expect(rows.some((r) => r.team === 'Legal' && r.construct === 'partner_responsiveness' && r.mean !== null)).toBe(true);
    // Payroll (3 people) never shows figures, in any row.
    expect(rows.filter((r) => r.team === 'Payroll' && r.mean !== null)).toEqual([]);
  });
});
