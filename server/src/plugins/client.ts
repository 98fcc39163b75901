import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from './errors.js';

/** Set by the server's build (scripts/build-server.mjs): the client's place seen from server/dist. */
declare const PULSE_CLIENT_DIST: string | undefined;

/** Where `npm run build` puts the client. */
export const clientDist = fileURLToPath(
  new URL(typeof PULSE_CLIENT_DIST === 'string' ? PULSE_CLIENT_DIST : '../../../client/dist', import.meta.url),
);

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.url.startsWith('/api/') || request.url === '/api') return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the built client on the API's port. Client-side routes (`/teams/42`, `/p/<token>`)
 * fall back to index.html; anything else unknown is a 404 in the API's error shape.
 */
async function client(app: FastifyInstance) {
  const built = existsSync(`${clientDist}/index.html`);
  // The client's files are compressed once at build (brotli and gzip level 9, served as they are
  // below). API answers over 1 KB are gzipped here at level 4: the 6 MB overview of 5,000 teams
  // compresses in 51 ms instead of 84 ms at zlib's default 6, 6% larger. Answers up to 2 MB
  // (1,579 open alerts are 1.6 MB) are compressed in one call, about 6 ms on the event loop,
  // which sends them 5 ms sooner than the stream; larger ones stream through the thread pool
  // (docs/benchmarks.md).
  await app.register(fastifyCompress, {
    encodings: ['gzip', 'deflate'],
    threshold: 1024,
    zlibOptions: { level: 4 },
    syncThreshold: 2 * 1024 * 1024,
  });
  if (built) {
    await app.register(fastifyStatic, {
      root: clientDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      // Vite fingerprints everything under /assets, so those files never change.
      setHeaders: (res, filePath) => {
        if (filePath.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (built && wantsPage(request)) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendError(reply, 404, {
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` },
    });
  });
}

export default fp(client, { name: 'client' });
