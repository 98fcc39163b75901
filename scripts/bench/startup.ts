// `npm run bench:startup`: how long the server takes from `node` to its first healthy answer,
// and its resident memory then, run through the TypeScript loader (tsx, as `npm run dev` does)
// and compiled (server/dist, as `npm start` and the Dockerfile do). Each start uses a fresh
// embedded database, so migrations run every time. Medians of RUNS starts, alternating.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { machineLine, median, ms, table } from './support/report.js';

const RUNS = Number(process.env.RUNS ?? 7);
const modes = {
  tsx: ['--import', 'tsx', 'server/src/main.ts'],
  compiled: ['server/dist/main.js'],
} as const;

execFileSync('node', ['scripts/ensure-client-build.mjs'], { stdio: 'inherit' });
execFileSync('node', ['scripts/build-server.mjs'], { stdio: 'inherit' });

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Resident memory of a process in MiB, from /proc. */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function start(args: readonly string[]): Promise<{ ms: number; rss: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-startup-'));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ADMIN_PASSWORD: 'bench-startup-password',
  };
  const began = performance.now();
  const child = spawn('node', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before answering:\n${errors}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms: performance.now() - began, rss: rssMiB(child.pid!) };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(machineLine());
const results: Record<keyof typeof modes, { ms: number[]; rss: number[] }> = { tsx: { ms: [], rss: [] }, compiled: { ms: [], rss: [] } };
for (let i = 0; i < RUNS; i++) {
  for (const mode of Object.keys(modes) as (keyof typeof modes)[]) {
    const { ms, rss } = await start(modes[mode]);
    results[mode].ms.push(ms);
    results[mode].rss.push(rss);
  }
}
console.log(
  table(
    ['start', 'median to first healthy answer', 'median resident memory then', 'runs'],
    Object.entries(results).map(([mode, r]) => [mode, `${ms(median(r.ms))} ms`, `${median(r.rss).toFixed(1)} MiB`, RUNS]),
  ),
);
console.log(
  `compiled / tsx: time ${(median(results.compiled.ms) / median(results.tsx.ms)).toFixed(2)}, memory ${(median(results.compiled.rss) / median(results.tsx.rss)).toFixed(2)}`,
);
