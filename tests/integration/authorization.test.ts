import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAs, type TestUser } from '../support/auth.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every route, every role, exact statuses. The test fails when a registered route has no row
 * here, so a new route cannot ship without a decision on who may call it.
 *
 * To add a route: add `'METHOD /api/v1/path/:param': probe(request, expect)`. Requests made by
 * an authorised role should be harmless (an invalid body answers 400, an unknown id 404), since
 * each role runs the same request. `only(['hr', 'admin'], 200)` means 401 without a session,
 * 403 for the other roles, 200 for hr and admin.
 */
type Who = 'anonymous' | 'member' | 'leader' | 'hr' | 'admin';
type Expectation = Record<Who, number>;
interface ProbeRequest {
  url: string;
  payload?: string | object;
  contentType?: string;
}
interface Probe {
  request: ProbeRequest;
  expect: Expectation;
}

const WHO: Who[] = ['anonymous', 'member', 'leader', 'hr', 'admin'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_TOKEN = 'x'.repeat(43);

/** The same status for everyone, signed in or not. */
const everyone = (status: number): Expectation => ({ anonymous: status, member: status, leader: status, hr: status, admin: status });
/** 401 without a session, 403 for roles not listed, `status` for the listed ones. */
const only = (roles: Who[], status: number): Expectation =>
  Object.fromEntries(WHO.map((who) => [who, who === 'anonymous' ? 401 : roles.includes(who) ? status : 403])) as Expectation;
const probe = (request: ProbeRequest | string, expect: Expectation): Probe => ({
  request: typeof request === 'string' ? { url: request } : request,
  expect,
});

const MANAGERS: Who[] = ['hr', 'admin'];
const VIEWERS: Who[] = ['leader', 'hr', 'admin'];
const SIGNED_IN: Who[] = ['member', 'leader', 'hr', 'admin'];

const routes: Record<string, Probe> = {
  // infrastructure
  'GET /api/v1/openapi.json': probe('/api/v1/openapi.json', everyone(200)),
  'GET /api/v1/health': probe('/api/v1/health', everyone(200)),
  // session
  'POST /api/v1/auth/login': probe({ url: '/api/v1/auth/login', payload: {} }, everyone(400)),
  'POST /api/v1/auth/logout': probe('/api/v1/auth/logout', everyone(204)),
  'GET /api/v1/auth/me': probe('/api/v1/auth/me', only(SIGNED_IN, 200)),
  'PUT /api/v1/auth/me/language': probe({ url: '/api/v1/auth/me/language', payload: { language: null } }, only(SIGNED_IN, 200)),
  'POST /api/v1/auth/password-reset': probe({ url: '/api/v1/auth/password-reset', payload: {} }, everyone(400)),
  'GET /api/v1/auth/tokens/:token': probe(`/api/v1/auth/tokens/${UNKNOWN_TOKEN}`, everyone(404)),
  'POST /api/v1/auth/password': probe({ url: '/api/v1/auth/password', payload: {} }, everyone(400)),
  // users and roles
  'GET /api/v1/users': probe('/api/v1/users', only(MANAGERS, 200)),
  'POST /api/v1/users': probe({ url: '/api/v1/users', payload: {} }, only(MANAGERS, 400)),
  'PATCH /api/v1/users/:id': probe({ url: `/api/v1/users/${UNKNOWN_ID}`, payload: { name: 'X' } }, only(MANAGERS, 404)),
  'POST /api/v1/users/:id/invite': probe(`/api/v1/users/${UNKNOWN_ID}/invite`, only(MANAGERS, 404)),
  // organisation
  'GET /api/v1/teams': probe('/api/v1/teams', only(VIEWERS, 200)),
  'POST /api/v1/teams': probe({ url: '/api/v1/teams', payload: {} }, only(MANAGERS, 400)),
  'PATCH /api/v1/teams/:id': probe({ url: `/api/v1/teams/${UNKNOWN_ID}`, payload: { name: 'X' } }, only(MANAGERS, 404)),
  'DELETE /api/v1/teams/:id': probe(`/api/v1/teams/${UNKNOWN_ID}`, only(MANAGERS, 404)),
  'GET /api/v1/members': probe('/api/v1/members', only(VIEWERS, 200)),
  'POST /api/v1/members/import': probe(
    { url: '/api/v1/members/import', payload: 'not,a,member,file', contentType: 'text/csv' },
    only(MANAGERS, 400),
  ),
  // audit, mail, settings
  'GET /api/v1/audit': probe('/api/v1/audit', only(MANAGERS, 200)),
  'GET /api/v1/outbox': probe('/api/v1/outbox', only(['admin'], 200)),
  'GET /api/v1/outbox/:id': probe('/api/v1/outbox/missing.eml', only(['admin'], 404)),
  'GET /api/v1/settings': probe('/api/v1/settings', only(VIEWERS, 200)),
  'PATCH /api/v1/settings': probe({ url: '/api/v1/settings', payload: {} }, only(['admin'], 400)),
  'PUT /api/v1/settings/language': probe({ url: '/api/v1/settings/language', payload: {} }, only(['admin'], 400)),
  // answering a pulse: the token is the credential
  'GET /api/v1/pulse/:token': probe(`/api/v1/pulse/${UNKNOWN_TOKEN}`, everyone(404)),
  'POST /api/v1/pulse/:token': probe({ url: `/api/v1/pulse/${UNKNOWN_TOKEN}`, payload: {} }, everyone(400)),
  // cycles and schedule
  'POST /api/v1/cycles': probe({ url: '/api/v1/cycles', payload: {} }, only(MANAGERS, 400)),
  'GET /api/v1/cycles': probe('/api/v1/cycles', only(MANAGERS, 200)),
  'POST /api/v1/cycles/:id/close': probe(`/api/v1/cycles/${UNKNOWN_ID}/close`, only(MANAGERS, 404)),
  'GET /api/v1/cycles/:id/participation': probe(`/api/v1/cycles/${UNKNOWN_ID}/participation`, only(MANAGERS, 404)),
  'POST /api/v1/cycles/:id/extend': probe(
    { url: `/api/v1/cycles/${UNKNOWN_ID}/extend`, payload: { closesAt: '2030-01-01T00:00:00Z' } },
    only(MANAGERS, 404),
  ),
  'GET /api/v1/schedule': probe('/api/v1/schedule', only(MANAGERS, 200)),
  'PUT /api/v1/schedule': probe({ url: '/api/v1/schedule', payload: {} }, only(MANAGERS, 400)),
  // insights: a leader sees only their subtree, so an unknown team is 404 for every viewer
  'GET /api/v1/teams/:id/trends': probe(`/api/v1/teams/${UNKNOWN_ID}/trends`, only(VIEWERS, 404)),
  'GET /api/v1/teams/:id/comments': probe(`/api/v1/teams/${UNKNOWN_ID}/comments`, only(VIEWERS, 404)),
  'GET /api/v1/overview': probe('/api/v1/overview', only(VIEWERS, 200)),
  'GET /api/v1/alerts': probe('/api/v1/alerts', only(VIEWERS, 200)),
  'POST /api/v1/alerts/:id/acknowledge': probe(
    { url: `/api/v1/alerts/${UNKNOWN_ID}/acknowledge`, payload: { note: 'seen' } },
    only(VIEWERS, 404),
  ),
  // export: hr and admin only, leaders included in the 403s
  'GET /api/v1/exports/aggregates': probe('/api/v1/exports/aggregates?format=csv', only(MANAGERS, 200)),
  // internal customers, partner ratings and shared values: a leader edits only teams in their subtree
  'GET /api/v1/teams/:id/customers': probe(`/api/v1/teams/${UNKNOWN_ID}/customers`, only(VIEWERS, 404)),
  'PUT /api/v1/teams/:id/customers': probe(
    { url: `/api/v1/teams/${UNKNOWN_ID}/customers`, payload: { customers: [] } },
    only(VIEWERS, 404),
  ),
  'GET /api/v1/customer-map': probe('/api/v1/customer-map', only(VIEWERS, 200)),
  'POST /api/v1/customer-map/import': probe(
    { url: '/api/v1/customer-map/import', payload: 'not,a,map', contentType: 'text/csv' },
    only(MANAGERS, 400),
  ),
  'GET /api/v1/partners/matrix': probe('/api/v1/partners/matrix', only(MANAGERS, 200)),
  // the instrument: eNPS and HR's questions
  'GET /api/v1/questionnaire/items': probe('/api/v1/questionnaire/items', only(MANAGERS, 200)),
  'POST /api/v1/questionnaire/items': probe({ url: '/api/v1/questionnaire/items', payload: {} }, only(MANAGERS, 400)),
  'PATCH /api/v1/questionnaire/items/:id': probe(
    { url: `/api/v1/questionnaire/items/${UNKNOWN_ID}`, payload: { text: 'x' } },
    only(MANAGERS, 404),
  ),
  'POST /api/v1/questionnaire/items/:id/retire': probe(`/api/v1/questionnaire/items/${UNKNOWN_ID}/retire`, only(MANAGERS, 404)),
  'PUT /api/v1/questionnaire/enps': probe({ url: '/api/v1/questionnaire/enps', payload: {} }, only(MANAGERS, 400)),
  'GET /api/v1/teams/:id/values': probe(`/api/v1/teams/${UNKNOWN_ID}/values`, only(VIEWERS, 404)),
  'PUT /api/v1/teams/:id/values': probe({ url: `/api/v1/teams/${UNKNOWN_ID}/values`, payload: { values: [] } }, only(VIEWERS, 404)),
  // actions: scoped like the team's trends, so an unknown team or action is 404 for every viewer
  'GET /api/v1/teams/:id/actions': probe(`/api/v1/teams/${UNKNOWN_ID}/actions`, only(VIEWERS, 404)),
  'POST /api/v1/teams/:id/actions': probe({ url: `/api/v1/teams/${UNKNOWN_ID}/actions`, payload: { title: 'X' } }, only(VIEWERS, 404)),
  'PATCH /api/v1/actions/:id': probe({ url: `/api/v1/actions/${UNKNOWN_ID}`, payload: { title: 'X' } }, only(VIEWERS, 404)),
  'GET /api/v1/actions': probe('/api/v1/actions', only(VIEWERS, 200)),
  // single sign-on: public; without OIDC_ISSUER (as here) its routes are 404 for everyone
  'GET /api/v1/auth/methods': probe('/api/v1/auth/methods', everyone(200)),
  'GET /api/v1/auth/oidc/login': probe('/api/v1/auth/oidc/login', everyone(404)),
  'GET /api/v1/auth/oidc/callback': probe('/api/v1/auth/oidc/callback', everyone(404)),
  // SCIM bearer tokens: admins only (the /scim/v2 routes themselves take only such a token)
  'POST /api/v1/scim-tokens': probe({ url: '/api/v1/scim-tokens', payload: {} }, only(['admin'], 400)),
  'DELETE /api/v1/scim-tokens/:id': probe(`/api/v1/scim-tokens/${UNKNOWN_ID}`, only(['admin'], 404)),
  // a member's results: the pulse link is the credential, as for answering
  'GET /api/v1/pulse/:token/results': probe(`/api/v1/pulse/${UNKNOWN_TOKEN}/results`, everyone(404)),
  // a leader's (or HR's) note to the team about a closed cycle
  'GET /api/v1/teams/:id/notes/:cycleId': probe(`/api/v1/teams/${UNKNOWN_ID}/notes/${UNKNOWN_ID}`, only(['leader', 'hr'], 404)),
  'PUT /api/v1/teams/:id/notes/:cycleId': probe(
    { url: `/api/v1/teams/${UNKNOWN_ID}/notes/${UNKNOWN_ID}`, payload: { body: 'x' } },
    only(['leader', 'hr'], 404),
  ),
  // chat delivery: admin only; nothing is connected here and no PULSE_SECRET_KEY is set
  'GET /api/v1/integrations': probe('/api/v1/integrations', only(['admin'], 200)),
  'PUT /api/v1/integrations/slack': probe({ url: '/api/v1/integrations/slack', payload: { botToken: 'nope' } }, only(['admin'], 400)),
  'DELETE /api/v1/integrations/slack': probe('/api/v1/integrations/slack', only(['admin'], 404)),
  'POST /api/v1/integrations/slack/test': probe('/api/v1/integrations/slack/test', only(['admin'], 409)),
  'PUT /api/v1/integrations/teams/:teamId': probe({ url: `/api/v1/integrations/teams/${UNKNOWN_ID}`, payload: {} }, only(['admin'], 400)),
  'DELETE /api/v1/integrations/teams/:teamId': probe(`/api/v1/integrations/teams/${UNKNOWN_ID}`, only(['admin'], 404)),
  'GET /api/v1/overview/teams': probe('/api/v1/overview/teams', only(VIEWERS, 200)),
  'GET /api/v1/overview/search': probe('/api/v1/overview/search?q=Team', only(VIEWERS, 200)),
  'GET /api/v1/overview/worst': probe('/api/v1/overview/worst?view=fortress', only(VIEWERS, 200)),
  // anonymous conversations: the conversation token is the author's credential
  'GET /api/v1/conversations/:token': probe(`/api/v1/conversations/${UNKNOWN_TOKEN}`, everyone(404)),
  'POST /api/v1/conversations/:token': probe({ url: `/api/v1/conversations/${UNKNOWN_TOKEN}`, payload: { body: 'x' } }, everyone(404)),
  'POST /api/v1/comments/:id/replies': probe(
    { url: `/api/v1/comments/${UNKNOWN_ID}/replies`, payload: { body: 'x' } },
    only(['leader', 'hr'], 404),
  ),
  // the instrument's statistics (organisation-wide): hr and admin only
  'GET /api/v1/instrument/reliability': probe('/api/v1/instrument/reliability', only(MANAGERS, 200)),
  'GET /api/v1/instrument/drivers': probe('/api/v1/instrument/drivers', only(MANAGERS, 200)),
};

describe(`authorization of every route (${backend})`, () => {
  let t: TestApp;
  const users = new Map<Who, TestUser>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const who of WHO) if (who !== 'anonymous') users.set(who, await createUser(t.app, { role: who }));
  });
  afterAll(() => t.close());

  it('has an expectation for every registered route, and no stale ones', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.length).toBeGreaterThan(20);
    expect(
      registered.filter((key) => !(key in routes)),
      'routes without an authorization expectation',
    ).toEqual([]);
    expect(
      Object.keys(routes).filter((key) => !registered.includes(key)),
      'expectations for routes that do not exist',
    ).toEqual([]);
  });

  it('answers each route with the exact status for each role and without a session', async () => {
    const actual: Record<string, Expectation> = {};
    const expected: Record<string, Expectation> = {};
    for (const [key, { request, expect: statuses }] of Object.entries(routes)) {
      const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      expected[key] = statuses;
      actual[key] = {} as Expectation;
      for (const who of WHO) {
        // A fresh session each time: logout ends one.
        const headers: Record<string, string> = { origin: t.config.publicUrl };
        if (who !== 'anonymous') Object.assign(headers, (await loginAs(t.app, users.get(who)!)).headers);
        if (request.contentType) headers['content-type'] = request.contentType;
        const res = await t.app.inject({
          method,
          url: request.url,
          headers,
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        actual[key][who] = res.statusCode;
      }
    }
    expect(actual).toEqual(expected);
  });

  it('gives a leader of team A no access to team B or its members', async () => {
    const hr = await loginAs(t.app, users.get('hr')!);
    const make = async (name: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: hr.headers, payload: { name } })).json().team.id as string;
    const a = await make('Team A');
    const b = await make('Team B');
    const leaderOfA = await createUser(t.app, { role: 'leader' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/teams/${a}`, headers: hr.headers, payload: { leaderIds: [leaderOfA.id] } });
    await createUser(t.app, { role: 'member', teamId: b, name: 'Bea in B' });
    const leader = await loginAs(t.app, leaderOfA);

    const teams = await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers: leader.headers });
    expect(teams.json().teams.map((x: { id: string }) => x.id)).toEqual([a]);
    const bMembers = await t.app.inject({ method: 'GET', url: `/api/v1/members?teamId=${b}`, headers: leader.headers });
    expect(bMembers.statusCode).toBe(404);
    expect(bMembers.body).not.toContain('Bea');
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: leader.headers });
    expect(all.body).not.toContain('Bea');
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/v1/teams/${b}`, headers: leader.headers, payload: { name: 'Taken' } });
    expect(rename.statusCode).toBe(403);
  });
});
