import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A port nobody listens on right now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/**
 * Production runs `node` on the compiled server (issue 22, item 8): `npm run build` writes
 * server/dist, which must start, migrate, serve the API and the client, and stop cleanly on
 * SIGTERM, with no TypeScript loader.
 */
describe('the compiled server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-compiled-'));
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with plain node, serves the API and the client, and stops on SIGTERM', { timeout: 180_000 }, async () => {
    execFileSync('node', ['scripts/ensure-client-build.mjs'], { cwd: root, stdio: 'inherit' });
    execFileSync('node', ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: 'compiled-server-test-pw',
    };
    server = spawn('node', ['server/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve));

    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(
        () =>
          fetch(`${base}/api/v1/health`).then(
            (r) => r.json(),
            () => null,
          ),
        { timeout: 120_000, interval: 250 },
      )
      .toEqual({ status: 'ok', database: 'ok' });
    const page = await fetch(`${base}/login`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const unknown = await fetch(`${base}/api/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    const signIn = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@localhost', password: 'compiled-server-test-pw' }),
    });
    expect(signIn.status, output).toBe(200);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/tsx|\.ts:\d/);
  });
});
