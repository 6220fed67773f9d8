/**
 * What octokit lacks out of the box, at the HTTP level: a timeout on every
 * attempt (octokit has none), a count of requests for the summary and the
 * benchmark, conditional GETs (a repeated read answered 304 does not count
 * against the rate limit), pacing of writes, and full respect of a 429's
 * `retry-after`.
 *
 * @example
 * const http = createHttpLayer({ paceMs: 1000, timeoutMs: 30_000 });
 * new Octokit({ request: { fetch: http.fetch } }).hook.wrap('request', http.retryAfterHook);
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface HttpLayer {
  fetch: typeof globalThis.fetch;
  count(): number;
  /** Shaped like a Bottleneck group, which is what the throttling plugin schedules writes on. */
  writeGroup: { key(id: string): { schedule<T>(options: unknown, task: (...args: unknown[]) => T | Promise<T>, ...args: unknown[]): Promise<T> } };
  /** The same shape, without pacing: for the plugin's read/write concurrency group. */
  passThroughGroup: HttpLayer['writeGroup'];
  retryAfterHook<O, R>(request: (options: O) => R | Promise<R>, options: O): Promise<R>;
}

interface CachedResponse {
  etag: string;
  body: string;
  headers: Array<[string, string]>;
}

const MAX_429_RETRIES = 4;
/** GitHub's advice when a 429 or secondary limit gives no `retry-after`: wait a minute. */
const DEFAULT_RETRY_AFTER_S = 60;

export function createHttpLayer(options: { paceMs: number; timeoutMs: number; log?: (line: string) => void }): HttpLayer {
  let requests = 0;
  let nextWriteAt = 0;
  const cache = new Map<string, CachedResponse>();

  const timedFetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const cached = method === 'GET' ? cache.get(url) : undefined;
    if (cached) headers.set('if-none-match', cached.etag);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    requests++;
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(input, { ...init, headers, signal });
    } catch (error) {
      const reason = timeout.aborted ? `no response within ${options.timeoutMs} ms` : describeNetworkError(error);
      options.log?.(`${method} ${pathOf(url)} -> ${reason}`);
      // A TypeError with a cause is what octokit turns into a retryable RequestError.
      throw new TypeError('fetch failed', { cause: new Error(reason) });
    }
    options.log?.(`${method} ${pathOf(url)} -> ${response.status} (${Date.now() - started} ms)`);
    if (response.status === 304 && cached) {
      return new Response(cached.body, { status: 200, headers: cached.headers });
    }
    const etag = response.headers.get('etag');
    if (method === 'GET' && response.status === 200 && etag) {
      const body = await response.text();
      cache.set(url, { etag, body, headers: [...response.headers] });
      return new Response(body, { status: 200, headers: response.headers });
    }
    return response;
  };

  const writeGroup: HttpLayer['writeGroup'] = {
    key: () => ({
      async schedule(_options, task, ...args) {
        const wait = nextWriteAt - Date.now();
        nextWriteAt = Math.max(Date.now(), nextWriteAt) + options.paceMs;
        if (wait > 0) await sleep(wait);
        return await task(...args);
      },
    }),
  };

  const passThroughGroup: HttpLayer['writeGroup'] = {
    key: () => ({
      async schedule(_options, task, ...args) {
        return await task(...args);
      },
    }),
  };

  async function retryAfterHook<O, R>(request: (options: O) => R | Promise<R>, requestOptions: O): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const { status, response } = error as { status?: number; response?: { headers?: Record<string, string> } };
        if (status !== 429 || attempt >= MAX_429_RETRIES) throw error;
        // A 429 means nothing was done, so even a create may be sent again, after the full wait.
        const seconds = Number(response?.headers?.['retry-after']) || DEFAULT_RETRY_AFTER_S;
        options.log?.(`429: waiting ${seconds} s as retry-after asks`);
        await sleep(seconds * 1000);
      }
    }
  }

  return { fetch: timedFetch, count: () => requests, writeGroup, passThroughGroup, retryAfterHook };
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : 'network error');
}
