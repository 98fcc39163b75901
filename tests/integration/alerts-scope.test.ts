import type { Questionnaire } from '@pulse/shared';
import { describe, expect, it } from 'vitest';
import { useDemoOrganisation } from '../support/demo.js';
import { importMembers } from '../support/members.js';
import { clearOutbox, openWindow, readOutbox } from '../support/pulse.js';
import { backend } from '../support/test-app.js';

interface ApiAlert {
  id: string;
  teamName: string;
  kind: string;
  level: string;
  status: string;
  cycleId: string;
}

/** Issue 13, item 2: only a cycle that includes a team can resolve or escalate its alerts. */
describe(`a cycle leaves the alerts of teams it did not include as they were (${backend})`, () => {
  const demo = useDemoOrganisation();

  it("closing a cycle of two new teams keeps every other team's alert episodes exactly", async () => {
    const { t, hr } = demo;
    const before = ((await demo.get('/api/v1/alerts?status=all')).alerts as ApiAlert[]).sort((a, b) => a.id.localeCompare(b.id));
    const open = before.filter((a) => a.status === 'open');
    expect(open.filter((a) => a.level === 'critical').length).toBeGreaterThanOrEqual(1);

    await importMembers(
      t.app,
      hr,
      ['email,name,team,role'].concat(
        [1, 2, 3, 4, 5].flatMap((i) => [
          `north${i}@example.test,North ${i},Newco/North,member`,
          `south${i}@example.test,South ${i},Newco/South,member`,
        ]),
      ),
    );
    const teams = await t.app.db.selectFrom('teams').select(['id', 'name']).where('name', 'in', ['North', 'South']).execute();
    await clearOutbox(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'Newco first pulse', ...openWindow(), teamIds: teams.map((team) => team.id) },
    });
    expect(created.statusCode).toBe(201);
    const cycleId = created.json().cycle.id as string;
    const mails = (await readOutbox(t.app)).filter((m) => m.token);
    expect(mails).toHaveLength(10);
    // Every item the demo's pulse asks: the statements, eNPS and HR's question.
    const { questionnaire } = (await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${mails[0]!.token}` })).json() as {
      questionnaire: Questionnaire;
    };
    const answers = Object.fromEntries([...questionnaire.items, ...(questionnaire.extraItems ?? [])].map((item) => [item.id, 4]));
    for (const mail of mails)
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload: { answers } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers })).statusCode).toBe(200);

    const after = ((await demo.get('/api/v1/alerts?status=all')).alerts as ApiAlert[]).sort((a, b) => a.id.localeCompare(b.id));
    const others = after.filter((a) => !['North', 'South', 'Newco'].includes(a.teamName));
    expect(others).toEqual(before);
    expect((await demo.get('/api/v1/alerts?status=open')).alerts.filter((a: ApiAlert) => a.level === 'critical')).toHaveLength(
      open.filter((a) => a.level === 'critical').length,
    );
  });
});
