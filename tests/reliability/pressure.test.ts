import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reliabilityDatabase, type ReliabilityDatabase } from './support/database.js';
import { isErrorShape, pool, requester, tally } from './support/http-load.js';
import { validSubmission } from './support/known-tokens.js';
import { startApp, type RunningServer } from './support/servers.js';

/** Resident memory of a process, from /proc. */
const rssBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

describe('back-pressure under overload', () => {
  let database: ReliabilityDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await reliabilityDatabase();
    server = await startApp(database.url);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('sheds load with 503 and Retry-After instead of queueing it, and its memory stays bounded', async () => {
    // 1,000 clients at once, four times the 256 requests a server takes on at a time. Every
    // request costs two statements (an unknown token is looked up after the claim misses).
    const connections = 1_000;
    const client = requester(server.url, connections);
    const body = validSubmission();
    const baseline = rssBytes(server.pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(server.pid))), 50);
    const paths = Array.from({ length: 12_000 }, (_, i) => `/api/v1/pulse/overload-${i}`);
    const outcomes = await pool(paths, connections, (path) => client.send('POST', path, body));
    // Health stays answerable for the load balancer right after the burst.
    const health = await client.send('GET', '/api/v1/health');
    clearInterval(sampler);
    client.close();

    const counts = tally(outcomes);
    console.info(
      `overload: ${JSON.stringify(counts)}; server RSS ${(baseline / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MiB`,
    );
    const shed = outcomes.filter((o) => o.status === 503);
    expect(shed.filter((o) => !(o.retryAfter && isErrorShape(o.body)))).toEqual([]);
    // Most are turned away at the door ('overloaded'); a request let in may still give up
    // waiting 1.5 s for one of the pool's connections ('database_unavailable'). Both are 503s.
    const codes = new Set(shed.map((o) => (JSON.parse(o.body!) as { error: { code: string } }).error.code));
    expect(codes.has('overloaded'), JSON.stringify(counts)).toBe(true);
    expect([...codes].filter((code) => code !== 'overloaded' && code !== 'database_unavailable')).toEqual([]);
    // Everything else was served normally: unknown links are 404. No 500s, no dropped sockets.
    expect(Object.keys(counts).sort(), JSON.stringify(counts)).toEqual(['404', '503']);
    expect(health.status).toBe(200);
    // Growth stays far below what 12,000 queued requests would hold.
    expect(peak - baseline, `RSS ${(baseline / 2 ** 20).toFixed(0)} → ${(peak / 2 ** 20).toFixed(0)} MiB`).toBeLessThan(300 * 2 ** 20);
  });
});
