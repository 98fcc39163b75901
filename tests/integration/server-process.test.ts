import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/server-process.js';
import { backend } from '../support/test-app.js';

// Process-level behaviour of the embedded mode; the PostgreSQL project covers the pool in health-outage.
describe.skipIf(backend !== 'pglite')('the server process on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-process-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second server on the same data directory, then shuts down cleanly on SIGTERM', async () => {
    const first = spawnServer({ DATA_DIR: dataDir });
    const url = await first.ready;
    const health = await fetch(`${url}/api/v1/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

    const second = spawnServer({ DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is already in use by another process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // The lock went with the first server: a new one starts on the same data.
    const third = spawnServer({ DATA_DIR: dataDir });
    await third.ready;
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 60_000);

  it('reports every configuration problem at once and exits non-zero', async () => {
    const server = spawnServer({ DATA_DIR: dataDir, PORT: 'abc', ANONYMITY_THRESHOLD: '1' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT[\s\S]*ANONYMITY_THRESHOLD|ANONYMITY_THRESHOLD[\s\S]*PORT/);
  }, 30_000);
});
