/**
 * What octokit lacks out of the box, at the HTTP level: a timeout on every
 * attempt (octokit has none), a count of requests for the summary and the
 * benchmark, conditional GETs (a repeated read answered 304 does not count
 * against the rate limit), and pacing of writes (`pace`, called by the retry
 * hook before every attempt).
 *
 * @example
 * const http = await createHttpLayer({ paceMs: 1000, timeoutMs: 30_000 });
 * new Octokit({ request: { fetch: http.fetch } });
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileSafely } from '../workspace.js';
import { pathOf } from './retry.js';

export interface HttpLayer {
  fetch: typeof globalThis.fetch;
  count(): number;
  /** Writes the ETag cache, when there is a cache file. */
  saveCache(): Promise<void>;
  /** Resolves when a request with this method may go: writes are spaced `paceMs` apart, reads go at once. */
  pace(method: string): Promise<void>;
}

interface CachedResponse {
  etag: string;
  body: string;
  headers: Array<[string, string]>;
}

const CACHE_VERSION = 1;

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
    pace: writePacer(options.paceMs),
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

/** GitHub asks for about a second between content-creating requests; reads are not paced. */
function writePacer(paceMs: number): HttpLayer['pace'] {
  let nextAt = 0;
  return async (method) => {
    if (method === 'GET' || method === 'HEAD') return;
    const wait = nextAt - Date.now();
    nextAt = Math.max(Date.now(), nextAt) + paceMs;
    if (wait > 0) await sleep(wait);
  };
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

/** Plain words for the system's codes, with the code for searching. */
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
};

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
  // Several addresses (IPv4 and IPv6) fail together as one AggregateError.
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (code) return NETWORK_ERRORS[code] ? `${NETWORK_ERRORS[code]} (${code})` : code;
  return cause?.message ?? (error instanceof Error ? error.message : 'network error');
}
