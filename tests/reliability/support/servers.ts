// Servers under test run as child processes, so the load generator in this process does not
// share their event loop (it still shares the machine's cores).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/ports.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface RunningServer {
  url: string;
  pid: number;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not come up at ${url}:\n${output()}`);
}

/** Runs a TypeScript entry point with `env` (plus PORT) and waits until `healthPath` answers 200. */
export async function startServer(entry: string, env: Record<string, string>, healthPath: string): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Keep only the tail: a long run must not grow this process's memory.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}${healthPath}`, child, () => output);
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The real server (server/src/main.ts) on `databaseUrl`, request logging off, scheduler off. */
export function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(
    'server/src/main.ts',
    {
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pulse-bench-app-')),
      // test: the scheduler stays off, so no background pass competes with the measurement.
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...env,
    },
    '/api/v1/health',
  );
}
