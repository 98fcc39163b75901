import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../support/auth.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

const SCIM = 'application/scim+json';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe(`SCIM 2.0 provisioning (${backend})`, () => {
  let t: TestApp;
  let admin: Session;
  let token: string;
  let tokenId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t.app, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/scim-tokens',
      headers: admin.headers,
      payload: { name: 'Identity provider' },
    });
    expect(created.statusCode).toBe(201);
    ({ token, id: tokenId } = created.json());
  });
  afterAll(() => t.close());

  const scim = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, bearer = token) =>
    t.app.inject({
      method,
      url: `/scim/v2${url}`,
      headers: { authorization: `Bearer ${bearer}`, ...(payload !== undefined ? { 'content-type': SCIM } : {}) },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  const userRow = (email: string) => t.app.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const sessionCount = async (userId: string) =>
    Number(
      (
        await t.app.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores only the token hash, audits it, and refuses requests without a valid token in SCIM error form', async () => {
    const stored = await t.app.db.selectFrom('scim_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'scim_token.create').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token);
    for (const bearer of ['wrong', '']) {
      const res = await scim('GET', '/Users', undefined, bearer);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain(SCIM);
      expect(res.json()).toMatchObject({ schemas: [ERROR], status: '401' });
    }
  });

  it('provisions like Okta: look up by userName, create, push a group, deactivate with PATCH active', async () => {
    // Okta first asks whether the person exists, then creates them.
    const lookup = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "olga@example.test"')}&startIndex=1&count=100`);
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'olga@example.test',
      name: { givenName: 'Olga', familyName: 'Okta' },
      emails: [{ primary: true, value: 'olga@example.test', type: 'work' }],
      displayName: 'Olga Okta',
      locale: 'en-US',
      externalId: '00u1okta',
      groups: [],
      password: 'ignored-by-us',
      active: true,
    });
    expect(created.statusCode).toBe(201);
    const olga = created.json();
    expect(olga).toMatchObject({ userName: 'olga@example.test', displayName: 'Olga Okta', active: true, externalId: '00u1okta' });
    expect(JSON.stringify(olga)).not.toContain('ignored-by-us');
    const row = await userRow('olga@example.test');
    expect(row).toMatchObject({ role: 'member', active: true, password_hash: null });

    const again = await scim('POST', '/Users', { userName: 'olga@example.test' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ schemas: [ERROR], scimType: 'uniqueness' });

    // Push group: create it, then add the member with PATCH.
    const group = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Platform',
      members: [],
    });
    expect(group.statusCode).toBe(201);
    const groupId = group.json().id as string;
    const add = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: olga.id, display: 'olga@example.test' }] }],
    });
    expect(add.statusCode).toBe(200);
    expect(add.json().members).toEqual([expect.objectContaining({ value: olga.id })]);
    expect((await userRow('olga@example.test')).team_id).toBe(groupId);
    // Okta renames with an object value and no path.
    const rename = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { id: groupId, displayName: 'Platform team' } }],
    });
    expect(rename.json().displayName).toBe('Platform team');

    const session = await loginAs(t.app, { ...(await userRow('olga@example.test')), teamId: groupId, password: '' });
    expect(await sessionCount(olga.id)).toBe(1);
    const off = await scim('PATCH', `/Users/${olga.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect(await sessionCount(olga.id)).toBe(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(401);
    const audit = await t.app.db.selectFrom('audit_log').select('action').where('target', '=', olga.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['scim.user.create', 'scim.user.deactivate']));
  });

  it('provisions like Entra ID: filter, create, PATCH with "False" strings and paths, remove a member, DELETE deactivates', async () => {
    const lookup = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "erin@example.test"')}`);
    expect(lookup.json().totalResults).toBe(0);
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: 'erin',
      userName: 'erin@example.test',
      active: true,
      displayName: 'Erin Entra',
      emails: [{ primary: true, type: 'work', value: 'erin@example.test' }],
      name: { formatted: 'Erin Entra', familyName: 'Entra', givenName: 'Erin' },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Platform' },
    });
    expect(created.statusCode).toBe(201);
    const erin = created.json();
    const found = await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "erin"')}`);
    expect(found.json()).toMatchObject({ totalResults: 1, Resources: [expect.objectContaining({ id: erin.id })] });

    const group = await scim('POST', '/Groups', { displayName: 'Data', externalId: 'grp-1', members: [{ value: erin.id }] });
    const groupId = group.json().id as string;
    expect(group.json().members).toEqual([expect.objectContaining({ value: erin.id })]);
    const byName = await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Data"')}&excludedAttributes=members`);
    expect(byName.json()).toMatchObject({ totalResults: 1, Resources: [{ id: groupId, displayName: 'Data' }] });
    expect(byName.json().Resources[0].members).toBeUndefined();

    const renamed = await scim('PATCH', `/Users/${erin.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Erin E. Entra' },
        { op: 'Add', path: 'title', value: 'Engineer' },
      ],
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().displayName).toBe('Erin E. Entra');

    const removed = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Remove', path: `members[value eq "${erin.id}"]` }],
    });
    expect(removed.json().members).toEqual([]);
    expect((await userRow('erin@example.test')).team_id).toBeNull();

    const disabled = await scim('PATCH', `/Users/${erin.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(disabled.json().active).toBe(false);
    const enabled = await scim('PATCH', `/Users/${erin.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    expect(enabled.json().active).toBe(true);

    await loginAs(t.app, { ...(await userRow('erin@example.test')), teamId: null, password: '' });
    const deleted = await scim('DELETE', `/Users/${erin.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await userRow('erin@example.test')).toMatchObject({ active: false });
    expect(await sessionCount(erin.id)).toBe(0);
  });

  it('answers bad input with a SCIM error and changes nothing', async () => {
    const before = await t.app.db.selectFrom('users').selectAll().orderBy('id').execute();
    const cases = [
      await scim('POST', '/Users', { userName: 'not an email' }),
      await scim('POST', '/Users', { displayName: 'No userName' }),
      await scim('GET', `/Users?filter=${encodeURIComponent('name.givenName co "a"')}`),
      await scim('PATCH', `/Users/${before[0]!.id}`, { schemas: ['wrong'], Operations: [{ op: 'replace', path: 'active', value: false }] }),
      await scim('PATCH', `/Users/${before[0]!.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: 'maybe' }],
      }),
      await scim('POST', '/Groups', { displayName: 'Ghosts', members: [{ value: '00000000-0000-4000-8000-000000000000' }] }),
    ];
    for (const res of cases) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ schemas: [ERROR], status: '400' });
    }
    expect(cases[2]!.json().scimType).toBe('invalidFilter');
    for (const url of ['/Users/nope', '/Users/00000000-0000-4000-8000-000000000000', '/Groups/nope']) {
      const res = await scim('GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ schemas: [ERROR], status: '404' });
    }
    expect(await t.app.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(before);
    expect(await t.app.db.selectFrom('teams').select('name').where('name', '=', 'Ghosts').execute()).toEqual([]);
  });

  it('lets only an admin create and revoke tokens; a revoked token is refused at once', async () => {
    for (const role of ['hr', 'leader', 'member'] as const) {
      const session = await loginAs(t.app, role);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/scim-tokens', headers: session.headers, payload: { name: 'x' } });
      expect(res.statusCode).toBe(403);
    }
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/scim-tokens', headers: admin.headers, payload: { name: '' } });
    expect(bad.statusCode).toBe(400);
    const badId = await t.app.inject({ method: 'DELETE', url: '/api/v1/scim-tokens/not-a-uuid', headers: admin.headers });
    expect(badId.statusCode).toBe(400);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/scim-tokens/${tokenId}`, headers: admin.headers });
    expect(revoke.statusCode).toBe(204);
    expect((await scim('GET', '/Users')).statusCode).toBe(401);
    const twice = await t.app.inject({ method: 'DELETE', url: `/api/v1/scim-tokens/${tokenId}`, headers: admin.headers });
    expect(twice.statusCode).toBe(404);
  });
});
