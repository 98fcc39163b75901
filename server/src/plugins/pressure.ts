import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';

/** When the server sheds requests instead of queueing them. */
export interface PressureOptions {
  /**
   * Most requests in progress at once. The database pool serves 10 at a time and a request
   * waits at most 1.5 s for a connection, so past a few hundred waiting the answer would be a
   * late 503 anyway; shedding at once keeps memory flat and tells clients when to come back.
   */
  maxInFlight: number;
  /** Mean event-loop delay (ms) over the last second above which requests are shed; 0: never. */
  maxEventLoopDelayMs: number;
  /** Heap in use above which requests are shed, well before V8's own limit ends the process. */
  maxHeapUsedBytes: number;
}

/** Defaults for one instance on a small machine; see docs/scaling.md. */
export const defaultPressure: PressureOptions = {
  maxInFlight: 256,
  maxEventLoopDelayMs: 1_000,
  maxHeapUsedBytes: Math.floor(getHeapStatistics().heap_size_limit * 0.85),
};

/** 503 with Retry-After (the error handler adds it) in the one error shape. */
export const overloaded = () => new ApiError(503, 'overloaded', 'server.busy');

/** Health checks stay answerable under load: a load balancer must still see the instance. */
const exempt = (request: FastifyRequest) => request.url === '/api/v1/health';

/**
 * Back-pressure: under overload new requests get 503 at once instead of piling up in memory
 * behind the database pool. Counts requests in progress itself and lets
 * @fastify/under-pressure watch the event loop and the heap.
 */
async function pressure(app: FastifyInstance, options: Partial<PressureOptions>) {
  const limits = { ...defaultPressure, ...options };
  let inFlight = 0;

  app.addHook('onRequest', async (request, reply) => {
    if (exempt(request)) return;
    if (inFlight >= limits.maxInFlight) throw overloaded();
    inFlight++;
    // 'close' fires once per response, sent or cut off, so the count cannot drift.
    reply.raw.once('close', () => inFlight--);
  });

  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    pressureHandler: (request) => (exempt(request) ? undefined : Promise.reject(overloaded())),
  });
}

export default fp(pressure, { name: 'pressure', dependencies: ['errors'] });
