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
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileSafely } from '../workspace.js';

export interface HttpLayer {
  fetch: typeof globalThis.fetch;
  count(): number;
  /** Writes the ETag cache, when there is a cache file. */
  saveCache(): Promise<void>;
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
const CACHE_VERSION = 1;
/** GitHub's advice when a 429 or secondary limit gives no `retry-after`: wait a minute. */
const DEFAULT_RETRY_AFTER_S = 60;

export interface HttpLayerOptions {
  paceMs: number;
  timeoutMs: number;
  log?: (line: string) => void;
  /** Keeps ETags and answers between runs, so a no-op rerun is answered with 304s. */
  cacheFile?: string | undefined;
}

/** Builds the layer; with `cacheFile`, the ETags of earlier runs are loaded first. */
export async function createHttpLayer(options: HttpLayerOptions): Promise<HttpLayer> {
  const counter = { requests: 0 };
  const cache = options.cacheFile ? await loadCache(options.cacheFile) : new Map<string, CachedResponse>();
  return {
    saveCache: async () => {
      if (options.cacheFile) await writeFileSafely(options.cacheFile, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(cache) }));
    },
    fetch: (input, init) => timedFetch(input, init, { ...options, cache, counter }),
    count: () => counter.requests,
    writeGroup: pacedGroup(options.paceMs),
    passThroughGroup: pacedGroup(0),
    retryAfterHook: (request, requestOptions) => retryAfter(request, requestOptions, options.log),
  };
}

interface FetchContext {
  timeoutMs: number;
  log?: ((line: string) => void) | undefined;
  cache: Map<string, CachedResponse>;
  counter: { requests: number };
}

/** One HTTP attempt: timed out after `timeoutMs`, logged, and answered from the cache on 304. */
async function timedFetch(input: Parameters<typeof fetch>[0], init: RequestInit | undefined, context: FetchContext): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = (init?.method ?? 'GET').toUpperCase();
  const headers = new Headers(init?.headers);
  const cached = method === 'GET' ? context.cache.get(url) : undefined;
  if (cached) headers.set('if-none-match', cached.etag);
  const timeout = AbortSignal.timeout(context.timeoutMs);
  // AbortSignal.any arrived in Node 20.3; without it the timeout alone applies.
  const signal = init?.signal && typeof AbortSignal.any === 'function' ? AbortSignal.any([init.signal, timeout]) : timeout;
  context.counter.requests++;
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers, signal });
  } catch (error) {
    const reason = timeout.aborted ? `no response within ${context.timeoutMs} ms` : describeNetworkError(error);
    context.log?.(`${method} ${pathOf(url)} -> ${reason}`);
    // A TypeError with a cause is what octokit turns into a retryable RequestError.
    throw new TypeError('fetch failed', { cause: new Error(reason) });
  }
  context.log?.(`${method} ${pathOf(url)} -> ${response.status} (${Date.now() - started} ms)`);
  if (response.status === 304 && cached) return new Response(cached.body, { status: 200, headers: cached.headers });
  const etag = response.headers.get('etag');
  if (method !== 'GET' || response.status !== 200 || !etag) return response;
  const body = await response.text();
  context.cache.set(url, { etag, body, headers: [...response.headers] });
  return new Response(body, { status: 200, headers: response.headers });
}

/** A stand-in for a Bottleneck group: spaces the tasks scheduled on it `paceMs` apart. */
function pacedGroup(paceMs: number): HttpLayer['writeGroup'] {
  let nextAt = 0;
  return {
    key: () => ({
      async schedule(_options, task, ...args) {
        const wait = nextAt - Date.now();
        nextAt = Math.max(Date.now(), nextAt) + paceMs;
        if (wait > 0) await sleep(wait);
        return await task(...args);
      },
    }),
  };
}

/** Retries a 429 after the full `retry-after`: a 429 means nothing was done, so even a create may go again. */
async function retryAfter<O, R>(request: (options: O) => R | Promise<R>, requestOptions: O, log?: (line: string) => void): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request(requestOptions);
    } catch (error) {
      const { status, response } = error as { status?: number; response?: { headers?: Record<string, string> } };
      if (status !== 429 || attempt >= MAX_429_RETRIES) throw error;
      const seconds = Number(response?.headers?.['retry-after']) || DEFAULT_RETRY_AFTER_S;
      log?.(`429: waiting ${seconds} s as retry-after asks`);
      await sleep(seconds * 1000);
    }
  }
}

async function loadCache(file: string): Promise<Map<string, CachedResponse>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: number; entries?: Record<string, CachedResponse> };
    return new Map(parsed.version === CACHE_VERSION ? Object.entries(parsed.entries ?? {}) : []);
  } catch {
    // A missing or damaged cache only costs full answers.
    return new Map();
  }
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
