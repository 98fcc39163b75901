import type { App } from '@pulse/server';
import { expect } from 'vitest';
import type { Session } from './auth.js';

/** Imports members through the API as `session` (`email,name,team,role` lines, header first), expecting 200. */
export async function importMembers(app: App, session: Session, lines: readonly string[]): Promise<void> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/members/import',
    headers: { ...session.headers, 'content-type': 'text/csv; charset=utf-8' },
    payload: `${lines.join('\n')}\n`,
  });
  expect(res.statusCode).toBe(200);
}
