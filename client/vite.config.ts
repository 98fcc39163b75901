import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { i18nMessages } from './i18n-plugin.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes a brotli (quality 11) and a gzip (level 9) copy beside every built page, script and
 * stylesheet. The server sends those as they are (`preCompressed`), so browsers get the smallest
 * files with no compression work per request (bench:bundle measures the gzip level-9 size).
 */
function precompress(): Plugin {
  return {
    name: 'pulse-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(html|js|css|svg)$/.test(fileName)) continue;
        const file = path.join(options.dir!, fileName);
        const body = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), i18nMessages(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
});
