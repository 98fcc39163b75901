import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { backend } from '../support/test-app.js';

describe.skipIf(backend !== 'postgres')('health while PostgreSQL goes away and comes back', () => {
  let server: PostgresServer;
  let app: App;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-outage-'));

  beforeAll(async () => {
    server = await startPostgres();
    app = await buildApp(loadConfig({ DATABASE_URL: server.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    server?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 in the error shape within 2 s, then 200 again without a restart', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);

    server.stop('immediate');
    const started = Date.now();
    const down = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBeDefined();
    expect(down.json()).toMatchObject({
      status: 'unavailable',
      database: 'unavailable',
      error: { code: 'database_unavailable', message: expect.any(String) },
    });

    server.start();
    await expect.poll(async () => (await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode, { timeout: 10_000 }).toBe(200);
  }, 60_000);
});
