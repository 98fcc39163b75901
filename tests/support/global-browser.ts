import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Browser suites serve the built client: build it once when missing or stale. */
export default function setup() {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync('node', ['scripts/ensure-client-build.mjs'], { cwd: root, stdio: 'inherit' });
}
