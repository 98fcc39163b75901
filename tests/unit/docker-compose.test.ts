import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine runs here, so the compose file is checked by reading it.
const root = fileURLToPath(new URL('../..', import.meta.url));
const compose = parse(readFileSync(`${root}/docker-compose.yml`, 'utf8'));
const dockerfile = readFileSync(`${root}/Dockerfile`, 'utf8');

describe('docker-compose.yml', () => {
  const { db, app } = compose.services;

  it('runs PostgreSQL 17 with a volume and a health check', () => {
    expect(db.image).toBe('postgres:17');
    expect(db.volumes.some((v: string) => v.endsWith(':/var/lib/postgresql/data'))).toBe(true);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    const volume = db.volumes[0].split(':')[0];
    expect(compose.volumes).toHaveProperty(volume);
  });

  it('wires DATABASE_URL to the db service with its credentials and waits for it to be healthy', () => {
    const url = new URL(app.environment.DATABASE_URL);
    expect(url.hostname).toBe('db');
    expect(url.port).toBe('5432');
    expect(decodeURIComponent(url.username)).toBe(db.environment.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(db.environment.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${db.environment.POSTGRES_DB}`);
    expect(app.depends_on.db.condition).toBe('service_healthy');
  });

  it('publishes the port the app listens on, on all interfaces', () => {
    expect(app.environment.HOST).toBe('0.0.0.0');
    expect(app.ports).toContain(`${app.environment.PORT}:${app.environment.PORT}`);
  });

  it('builds the app with a multi-stage Dockerfile whose entry point exists', () => {
    expect(existsSync(`${root}/${app.build.dockerfile}`)).toBe(true);
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/client\/dist/);
    // It runs the compiled server, which `npm run build` writes (tests/unit/compiled-server.test.ts runs it).
    const cmd = JSON.parse(/^CMD (.+)$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd).toEqual(['node', '--enable-source-maps', 'server/dist/main.js']);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/server\/dist server\/dist/);
    expect(readFileSync(`${root}/scripts/build-server.mjs`, 'utf8')).toContain("main: 'server/src/main.ts'");
    for (const copied of dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)) {
      if (copied[1] !== '.') expect(existsSync(`${root}/${copied[1]}`), copied[1]).toBe(true);
    }
  });
});
