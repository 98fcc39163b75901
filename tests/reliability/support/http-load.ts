import http from 'node:http';

/** What happened to one request: a status (with its body and Retry-After) or a transport error. */
export interface Outcome {
  key: string;
  status?: number;
  body?: string;
  retryAfter?: string | undefined;
  error?: string;
  ms: number;
}

export interface Requester {
  /** Sends one request; never rejects (a failure is an outcome). */
  send(method: string, path: string, body?: string): Promise<Outcome>;
  close(): void;
}

/** Keep-alive HTTP to `baseUrl` over at most `connections` sockets, with per-request timing. */
export function requester(baseUrl: string, connections: number): Requester {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(baseUrl);
  return {
    send(method, path, body) {
      const start = performance.now();
      return new Promise((resolve) => {
        const request = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method,
            path,
            headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            timeout: 30_000,
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () =>
              resolve({
                key: path,
                status: response.statusCode!,
                body: text,
                retryAfter: response.headers['retry-after'],
                ms: performance.now() - start,
              }),
            );
            response.on('error', (error) => resolve({ key: path, error: error.message, ms: performance.now() - start }));
          },
        );
        request.on('timeout', () => request.destroy(new Error('client timeout')));
        request.on('error', (error: Error & { code?: string }) =>
          resolve({ key: path, error: error.code ?? error.message, ms: performance.now() - start }),
        );
        request.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/**
 * Runs `items` through `task` with `concurrency` workers, each taking the next item as soon as
 * its previous one finished (a closed loop, like a load generator's connections).
 */
export async function pool<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** POSTs one valid answer per token at `connections` concurrent connections. */
export async function answerAll(baseUrl: string, tokens: readonly string[], connections: number, body: string): Promise<Outcome[]> {
  const client = requester(baseUrl, connections);
  try {
    return await pool(tokens, connections, async (token) => ({
      ...(await client.send('POST', `/api/v1/pulse/${token}`, body)),
      key: token,
    }));
  } finally {
    client.close();
  }
}

/** Counts outcomes by status (or error code). */
export function tally(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status !== undefined ? String(o.status) : `error:${o.error}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** True when `body` is the API's error shape `{ error: { code, message } }`. */
export function isErrorShape(body: string | undefined): boolean {
  try {
    const parsed = JSON.parse(body ?? '') as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}
