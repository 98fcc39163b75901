import { ESLint } from 'eslint';
import { readFile } from 'node:fs/promises';
import * as prettier from 'prettier';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/**
 * The rule ids ESLint reports for `code` as if it were the file at `path` (from the root). The
 * path is an existing source file: type-aware rules only lint files their tsconfig includes.
 */
async function rulesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

/** Issue 22: `npm run lint` keeps features apart and the server free of import cycles. */
// The first type-aware lint builds the TypeScript program: seconds when idle, a minute when busy.
describe('the lint rules that keep the code in order', { timeout: 300_000 }, () => {
  it("refuses a feature reaching into another feature's repository, from a feature or a plugin", async () => {
    const reach = "import { findUserByEmail } from '../users/users.repository.js';\nexport const f = findUserByEmail;\n";
    expect(await rulesBroken('server/src/features/auth/password.ts', reach)).toContain('@typescript-eslint/no-restricted-imports');
    const fromPlugin = "import { findSession } from '../features/auth/sessions.repository.js';\nexport const f = findSession;\n";
    expect(await rulesBroken('server/src/plugins/security.ts', fromPlugin)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it("allows a feature its own repository, another feature's service, and shared types", async () => {
    const own = "import { findUserByEmail } from './users.repository.js';\nexport const f = findUserByEmail;\n";
    expect(await rulesBroken('server/src/features/users/find-user.ts', own)).toEqual([]);
    const service = "import { isLiveTeam } from '../teams/teams.service.js';\nexport const f = isLiveTeam;\n";
    expect(await rulesBroken('server/src/features/users/find-user.ts', service)).toEqual([]);
    const type = "import type { StatsView } from '../insights/insights-read.repository.js';\nexport type S = StatsView;\n";
    expect(await rulesBroken('server/src/features/exports/export-formats.ts', type)).toEqual([]);
  });

  it('refuses a promise nobody awaits, and a switch that misses a member of its union', async () => {
    const floating = 'export async function send(): Promise<void> {}\nexport function close(): void {\n  send();\n}\n';
    expect(await rulesBroken('server/src/features/users/find-user.ts', floating)).toContain('@typescript-eslint/no-floating-promises');
    const partial = [
      "export function label(level: 'watch' | 'warning' | 'critical'): string {",
      '  switch (level) {',
      "    case 'watch':",
      "      return 'Watch';",
      "    case 'warning':",
      "      return 'Warning';",
      '  }',
      "  return '';",
      '}',
      '',
    ].join('\n');
    expect(await rulesBroken('server/src/features/users/find-user.ts', partial)).toContain(
      '@typescript-eslint/switch-exhaustiveness-check',
    );
  });

  it('refuses an import cycle', async () => {
    // team-paths is imported by the insights read service; importing that service back closes a loop.
    const loop = "import { trendsFor } from '../insights/insights-read.service.js';\nexport const f = trendsFor;\n";
    expect(await rulesBroken('server/src/features/teams/team-paths.ts', loop)).toContain('import-x/no-cycle');
  });

  it('refuses an unformatted file: `npm run lint` ends with a Prettier check of the tree', async () => {
    const manifest = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.lint).toContain('prettier --check .');
    const filepath = `${root}server/src/html.ts`;
    const options = { ...(await prettier.resolveConfig(filepath)), filepath };
    expect(await prettier.check(await readFile(filepath, 'utf8'), options)).toBe(true);
    expect(await prettier.check('export const sent = {count:1}\n', options)).toBe(false);
  });
});
