import net from 'node:net';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAs } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { isErrorShape } from './support/http-load.js';

/**
 * Malformed requests, generated with fast-check, against every registered route (the same
 * inventory tests/integration/authorization.test.ts checks), as a signed-in admin, HR user
 * and leader. Every body is wrong by construction: not JSON, not an object, too large, too
 * deep, or with at least one field of a type no schema accepts. Whatever comes back must be
 * below 500 and, when it is an error, in the error shape; and no row may change.
 */
const RUNS = 2_400;

const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE responses; --",
  '1; SELECT pg_sleep(10)',
  "\\' UNION SELECT password_hash FROM users --",
  '$1::uuid',
];
const HTML = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '<svg/onload=alert(1)>', '{{7*7}}', '${7*7}'];
const junkString = fc.oneof(
  fc.constantFrom(...SQL, ...HTML, '', ' ', '\u0000', '\uD800', 'null', 'undefined', 'NaN', '-1', '1e309', 'x'.repeat(5_000)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** A value no field schema accepts: an object whose values are strings, under keys no record allows. */
const alwaysWrong = junkString.map((s) => ({ $where: s, __proto__: { polluted: true }, nested: [[[s]]] }));
const junkValue = fc.oneof(
  alwaysWrong,
  junkString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(junkString, { maxLength: 5 }),
);

interface BodySchema {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: BodySchema }> };
}
interface Route {
  method: string;
  url: string;
  queryNames: string[];
  body: BodySchema | undefined;
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
/** Bodies that are wrong before any schema looks at them, or wrong against every schema. */
function bodyFor(route: Route): fc.Arbitrary<{ payload: string | Buffer; contentType?: string }> {
  const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });
  const properties = Object.keys(route.body?.properties ?? {});
  const required = route.body?.required?.length ? route.body.required : properties;
  const wrongObject = fc
    .record({
      fields: fc.dictionary(fc.constantFrom(...properties, '__proto__', 'constructor', 'extra'), junkValue, { maxKeys: 6 }),
      broken: required.length ? fc.constantFrom(...required) : fc.constant('answers'),
      wrong: alwaysWrong,
    })
    .map(({ fields, broken, wrong }) => json({ ...fields, [broken]: wrong }));
  return fc.oneof(
    wrongObject,
    fc.oneof(fc.array(junkValue, { maxLength: 4 }), junkString, fc.integer(), fc.constant(null)).map(json),
    fc.integer({ min: 2_000, max: 50_000 }).map((depth) => ({ payload: deep(depth), contentType: 'application/json' })),
    fc.constant({ payload: JSON.stringify({ answers: 'x'.repeat(1_200_000) }), contentType: 'application/json' }),
    fc
      .constantFrom('{"unterminated": ', '{answers: 1}', "{'a': 1}", '\u0000', '[1,]', '{"a":1}{"b":2}')
      .map((payload) => ({ payload, contentType: 'application/json' })),
    fc
      .uint8Array({ minLength: 1, maxLength: 200 })
      .map((bytes) => ({ payload: Buffer.from([0xff, 0xfe, 0xc3, 0x28, ...bytes]), contentType: 'application/json' })),
    fc
      .record({
        text: junkString,
        contentType: fc.constantFrom(
          'text/plain',
          'text/csv',
          'application/xml',
          'multipart/form-data',
          'application/x-www-form-urlencoded',
        ),
      })
      .map(({ text, contentType }) => ({ payload: `not,a,header\n${text}`, contentType })),
  );
}

/** Percent-encoding; a lone surrogate becomes its (invalid) UTF-8 bytes instead of throwing. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/**
 * Path parameters that are junk, possibly with percent-escapes that are not UTF-8, or a
 * well-formed id of nothing, so that the body's and the query's checks are reached too.
 */
const paramValue = fc.oneof(
  fc.uuid(),
  junkString.map((s) => encode(s || 'x')),
  fc.constantFrom(
    '%FF%FE',
    '%C3%28',
    '%E0%80%AF',
    '%00',
    '..%2F..%2Fetc%2Fpasswd',
    '00000000-0000-0000-0000-00000000000Z',
    'x'.repeat(300),
  ),
);

describe('fuzzing every route with malformed requests', () => {
  let t: TestApp;
  let routes: Route[];
  const sessions: Record<string, Record<string, string>> = {};

  /** Row count and checksum of every table: sessions by their keys only, since use refreshes them. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = await sql<{ name: string }>`
      select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by 1`.execute(t.app.db);
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const row = name === 'sessions' ? 'row(s.id_hash, s.user_id)::text' : 's::text';
      const { rows } = await sql<{ digest: string }>`
        select count(*) || ':' || coalesce(md5(string_agg(${sql.raw(row)}, ',' order by ${sql.raw(row)})), '') as digest
        from ${sql.table(name)} s`.execute(t.app.db);
      result[name] = rows[0]!.digest;
    }
    return result;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const team = await t.app.db.insertInto('teams').values({ name: 'Fuzzed team' }).returning('id').executeTakeFirstOrThrow();
    for (const role of ['admin', 'hr', 'leader'] as const) {
      const user = await createUser(t.app, { role, teamId: role === 'leader' ? team.id : null });
      if (role === 'leader') await t.app.db.insertInto('team_leaders').values({ team_id: team.id, user_id: user.id }).execute();
      sessions[role] = (await loginAs(t.app, user)).headers;
    }
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    routes = t.app.apiRoutes.map(({ method, url }) => {
      const operation = openapi.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      return {
        method,
        url,
        queryNames: (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: operation?.requestBody?.content?.['application/json']?.schema,
      };
    });
  });
  afterAll(() => t?.close());

  it(`answers ${RUNS.toLocaleString('en')} malformed requests across every route below 500, in the error shape, changing nothing`, async () => {
    expect(routes.length).toBeGreaterThan(20);
    const before = await snapshot();
    const seen = new Set<string>();
    const request = fc
      .record({
        route: fc.constantFrom(...routes),
        who: fc.constantFrom('admin', 'hr', 'leader', 'anonymous'),
        params: fc.array(paramValue, { minLength: 4, maxLength: 4 }),
        // Every declared query parameter gets a junk value, plus perhaps one nobody declared.
        query: fc.array(junkString, { minLength: 8, maxLength: 8 }),
        extra: fc.option(fc.tuple(fc.string({ maxLength: 8 }), junkString)),
        wrongMethod: fc.boolean().map((b) => b && Math.random() < 0.1),
        salt: fc.nat(),
      })
      .chain((r) => bodyFor(r.route).map((body) => ({ ...r, body })));

    await fc.assert(
      fc.asyncProperty(request, async ({ route, who, params, query, extra, wrongMethod, body }) => {
        let i = 0;
        const path = route.url.replace(/:\w+/g, () => params[i++]!);
        const pairs: [string, string][] = route.queryNames.map((name, j) => [name, query[j % query.length]!]);
        if (extra) pairs.push(extra);
        const search = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
        // Signing out takes no input to get wrong; it is fuzzed without a session only.
        const signedIn = who !== 'anonymous' && route.url !== '/api/v1/auth/logout';
        const headers: Record<string, string> = { ...(signedIn ? sessions[who] : {}), 'x-fuzz': 'reliability' };
        const method = wrongMethod ? 'PUT' : route.method;
        const hasBody = method !== 'GET' && method !== 'DELETE';
        if (hasBody && body.contentType) headers['content-type'] = body.contentType;
        const response = await t.app.inject({
          method: method as 'GET',
          url: search ? `${path}?${search}` : path,
          headers,
          ...(hasBody ? { payload: body.payload } : {}),
        });
        seen.add(`${route.method} ${route.url}`);
        expect(response.statusCode, `${method} ${path}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
        if (response.statusCode >= 400) expect(isErrorShape(response.body), `${method} ${path}: ${response.body.slice(0, 300)}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect([...seen].sort()).toEqual(routes.map((r) => `${r.method} ${r.url}`).sort());
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed HTTP (huge headers, bytes that are not HTTP, bad UTF-8) in the error shape', async () => {
    const url = new URL(await t.app.listen({ host: '127.0.0.1', port: 0 }));
    const raw = (payload: string | Buffer) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(Number(url.port), '127.0.0.1', () => socket.write(payload));
        let out = '';
        socket.on('data', (d) => (out += d.toString('latin1')));
        socket.on('close', () => resolve(out));
        socket.on('error', () => resolve(out));
        socket.setTimeout(10_000, () => socket.destroy());
      });
    const cases: (string | Buffer)[] = [
      `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `GET /api/v1/teams HTTP/1.1\r\nHost: x\r\nCookie: ${'pulse_session=x; '.repeat(5_000)}\r\n\r\n`,
      `POST /api/v1/pulse/x HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 3_000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\n\r\n`,
      Buffer.from('GET /api/v1/pulse/\xff\xfe\xc3\x28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1'),
      Buffer.from('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Bad: \x00\x7f\r\nConnection: close\r\n\r\n', 'latin1'),
      'GET /api/v1/pulse/%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'G E T / HTTP/1.1\r\n\r\n',
      'POST /api/v1/pulse/x HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'POST /api/v1/pulse/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello',
      'POST /api/v1/pulse/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nhello\r\n0\r\n\r\n',
      'POST /api/v1/pulse/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
      '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03',
      `GET /${'a/'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    ];
    for (const payload of cases) {
      const answer = await raw(payload);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      const label = String(payload).slice(0, 60);
      expect(status, `${label}: ${answer.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(status, label).toBeLessThan(500);
      expect(isErrorShape(answer.slice(answer.indexOf('\r\n\r\n') + 4)), `${label}: ${answer.slice(0, 300)}`).toBe(true);
    }
  });
});
