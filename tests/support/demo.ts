import { afterAll, beforeAll, expect } from 'vitest';
import { seedDemo, type DemoSummary } from '@pulse/server/demo/seed-demo';
import { loginAs, type Session } from './auth.js';
import { createTestApp, type TestApp } from './test-app.js';

export interface DemoContext {
  t: TestApp;
  hr: Session;
  summary: DemoSummary;
  /** Team id by name. */
  teamId: Record<string, string>;
  /** GET as HR, expecting 200; resolves the JSON body. */
  get(url: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A fresh app seeded with the demo organisation for the current describe block, HR signed in. */
export function useDemoOrganisation(): DemoContext {
  const ctx = { teamId: {} } as DemoContext;
  beforeAll(async () => {
    ctx.t = await createTestApp();
    const { app } = ctx.t;
    ctx.summary = await seedDemo({ db: app.db, mailer: app.mailer, publicUrl: app.config.publicUrl, log: app.log, settings: ctx.t.config });
    for (const team of await app.db.selectFrom('teams').select(['id', 'name']).execute()) ctx.teamId[team.name] = team.id;
    ctx.hr = await loginAs(app, 'hr');
  }, 120_000);
  afterAll(() => ctx.t.close());
  ctx.get = async (url: string) => {
    const res = await ctx.t.app.inject({ method: 'GET', url, headers: ctx.hr.headers });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  return ctx;
}
