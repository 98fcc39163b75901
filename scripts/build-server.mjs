// `npm run build` (after the client): compiles the server, with the shared and db workspaces
// it imports, to JavaScript in server/dist, so production runs `node` and no TypeScript loader.
// Each entry point becomes one ES module; npm packages stay imports of node_modules, the
// workspaces' TypeScript is compiled in. Source maps point stack traces at the .ts lines.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverDist = path.join(root, 'server/dist');

/** Bare imports of npm packages stay imports; only the project's own workspaces are compiled in. */
const keepPackagesExternal = {
  name: 'keep-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@pulse/') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildServer() {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'server/src/main.ts', demo: 'server/src/demo/demo-cli.ts', migrate: 'db/src/migrate-cli.ts' },
    outdir: serverDist,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [keepPackagesExternal],
    // The built client, as seen from server/dist (server/src/plugins/client.ts reads this).
    define: { PULSE_CLIENT_DIST: JSON.stringify('../../client/dist') },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
