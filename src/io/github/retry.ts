/**
 * When a failed GitHub request is sent again, and after how long: one
 * policy for every failure sync meets (network errors and timeouts, 5xx,
 * 429 and the primary and secondary rate limits), with a cap on the total
 * wait for one request, so a refused connection ends in seconds with a
 * message saying what was tried instead of a minute of silence. Each retry
 * is announced (`onRetry`), and the final error carries a summary of them.
 *
 * @example
 * decideRetry({ status: 502, headers: {}, message: 'Bad Gateway' }, { attempt: 1, waitedMs: 0, resendable: true, nowMs: Date.now() }, policy);
 * // → { retry: true, waitMs: 1000, reason: 'HTTP 502' }
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** The most one request may spend waiting between its attempts, in ms; 0 never waits. */
  maxWaitMs: number;
  /** Base of the back-off for 5xx and network errors: base × 1, 4, 9, 16, 25. */
  backoffMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxWaitMs: 30_000, backoffMs: 1000, maxAttempts: 6 };

/** A failed attempt as the policy sees it; `status` is null when no HTTP answer came. */
export interface AttemptFailure {
  status: number | null;
  headers: Readonly<Record<string, string | undefined>>;
  message: string;
}

export interface AttemptState {
  /** Attempts made so far (1 after the first). */
  attempt: number;
  /** Time already spent waiting for this request, in ms. */
  waitedMs: number;
  /** False for a create or a comment: a lost answer may hide a done write, so only a refusal (429, rate limit) is resent. */
  resendable: boolean;
  nowMs: number;
}

export type RetryDecision =
  | { retry: true; waitMs: number; reason: string }
  /** `why` says why a retryable failure was not retried; null for a failure no retry can fix (404, 422…). */
  | { retry: false; reason: string; why: string | null };

/** GitHub's advice when a 429 or a secondary limit gives no `retry-after`: wait a minute. */
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** Whether to send the request again, and when; pure, so every case is a table row in the tests. */
export function decideRetry(failure: AttemptFailure, state: AttemptState, policy: RetryPolicy): RetryDecision {
  const wait = rateLimitWait(failure, state.nowMs) ?? transientWait(failure, state, policy);
  if (wait === null) return { retry: false, reason: reasonOf(failure), why: null };
  if ('why' in wait) return { retry: false, reason: wait.reason, why: wait.why };
  if (state.attempt >= policy.maxAttempts) return { retry: false, reason: wait.reason, why: `gave up after ${state.attempt} attempts` };
  if (state.waitedMs + wait.waitMs > policy.maxWaitMs) {
    const why = `the next wait (${seconds(wait.waitMs)}) would pass the ${seconds(policy.maxWaitMs)} limit on waiting (--max-wait, \`sync.max_wait\`)`;
    return { retry: false, reason: wait.reason, why };
  }
  return { retry: true, waitMs: wait.waitMs, reason: wait.reason };
}

type Wait = { waitMs: number; reason: string } | { reason: string; why: string };

/** 429 and 403 rate limits: nothing was done, so any request may go again after the wait GitHub asks for. */
function rateLimitWait(failure: AttemptFailure, nowMs: number): Wait | null {
  if (failure.status !== 403 && failure.status !== 429) return null;
  const { headers } = failure;
  const reset = Number(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) {
    const waitMs = Math.max(0, reset * 1000 - nowMs);
    return { waitMs, reason: `rate limit used up (HTTP ${failure.status}; resets in ${seconds(waitMs)})` };
  }
  const retryAfter = Number(headers['retry-after']);
  const secondary = /secondary rate limit/i.test(failure.message);
  if (failure.status === 403 && !secondary && !headers['retry-after']) return null;
  const waitMs = Number.isFinite(retryAfter) && headers['retry-after'] ? retryAfter * 1000 : DEFAULT_RETRY_AFTER_MS;
  const kind = secondary ? 'secondary rate limit' : `HTTP ${failure.status}`;
  return { waitMs, reason: `${kind} (retry-after ${seconds(waitMs)})` };
}

/** 5xx, 408 and no answer at all: back off, if sending again cannot do the write twice. */
function transientWait(failure: AttemptFailure, state: AttemptState, policy: RetryPolicy): Wait | null {
  const { status } = failure;
  if (status !== null && status < 500 && status !== 408) return null;
  const reason = reasonOf(failure);
  if (!state.resendable) return { reason, why: 'not sent again: GitHub may have done it, so sync re-reads instead' };
  return { waitMs: state.attempt * state.attempt * policy.backoffMs, reason };
}

function reasonOf(failure: AttemptFailure): string {
  return failure.status === null ? failure.message : `HTTP ${failure.status}`;
}

function seconds(ms: number): string {
  return ms < 1000 && ms > 0 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** What the hook needs to know about one request's failure; read from octokit's RequestError. */
interface FailedRequest {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
  request?: { method?: string; url?: string };
  /** Set on the final error: what was retried, for the message the user reads. */
  retrySummary?: string;
}

export interface RetryHookOptions {
  policy: RetryPolicy;
  /** One line per retry: method, path, reason, attempt n/m, wait. */
  onRetry?: ((line: string) => void) | undefined;
  /** Called before every attempt, retries included (write pacing). */
  beforeAttempt?: ((method: string) => Promise<void>) | undefined;
}

/** An octokit `hook.wrap('request', …)` that applies `decideRetry` and records what it did on the final error. */
export function createRetryHook(options: RetryHookOptions) {
  return async function retrying<O, R>(request: (options: O) => R | Promise<R>, requestOptions: O): Promise<R> {
    const meta = requestOptions as { method?: string; request?: { retries?: number } };
    // `retries: 0` marks a create or comment: never resent after an ambiguous failure.
    const resendable = meta.request?.retries !== 0;
    let waitedMs = 0;
    const reasons: string[] = [];
    for (let attempt = 1; ; attempt++) {
      await options.beforeAttempt?.((meta.method ?? 'GET').toUpperCase());
      try {
        return await request(requestOptions);
      } catch (raw) {
        const error = raw as FailedRequest;
        const decision = decideRetry(toFailure(error), { attempt, waitedMs, resendable, nowMs: Date.now() }, options.policy);
        if (!decision.retry) {
          if (decision.why !== null) error.retrySummary = summarise(attempt, waitedMs, [...reasons, decision.reason], decision.why);
          throw raw;
        }
        reasons.push(decision.reason);
        const target = `${error.request?.method ?? meta.method ?? 'GET'} ${pathOf(error.request?.url ?? '')}`;
        options.onRetry?.(`retrying ${target}: ${decision.reason}; attempt ${attempt + 1}/${options.policy.maxAttempts} in ${seconds(decision.waitMs)}`);
        waitedMs += decision.waitMs;
        await sleep(decision.waitMs);
      }
    }
  };
}

function toFailure(error: FailedRequest): AttemptFailure {
  // Octokit reports "no answer" (refused, reset, timed out) as status 500 without a response.
  const answered = error.response !== undefined;
  return { status: answered ? (error.status ?? null) : null, headers: error.response?.headers ?? {}, message: error.message ?? 'network error' };
}

function summarise(attempts: number, waitedMs: number, reasons: readonly string[], why: string): string {
  const distinct = [...new Set(reasons)].join(', ');
  const tried = attempts === 1 ? '1 attempt' : `${attempts} attempts over ${seconds(waitedMs)}`;
  return `${tried} (${distinct}); ${why}`;
}

/** The path and query of a URL, for messages: the host is named once in the final error. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
