/**
 * When a failed GitHub request is sent again, and after how long: the pure
 * policy behind octokit's throttling and retry plugins (wired up in
 * retrying-octokit.ts). The plugins do the waiting and the resending; this
 * module decides, for every retry they would make, whether it fits the cap
 * on the total wait for one request, words the line announcing it, and sums
 * up what was tried for the final error, so a refused connection ends in
 * seconds with a message saying why instead of a minute of silence.
 *
 * @example
 * decideRetry({ kind: 'transient', reason: 'HTTP 502', resend: 1 }, { attempt: 1, waitedMs: 0, resendable: true }, DEFAULT_RETRY_POLICY);
 * // → { retry: true, waitMs: 1000, reason: 'HTTP 502' }
 * transientRetries(DEFAULT_RETRY_POLICY); // → 4: waits of 1, 4, 9 and 16 s fill the 30 s cap
 */

export interface RetryPolicy {
  /** The most one request may spend waiting between its attempts, in ms; 0 never waits. */
  maxWaitMs: number;
  /** Base of plugin-retry's back-off for 5xx and network errors: base × 1, 4, 9, 16, 25. */
  backoffMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxWaitMs: 30_000, backoffMs: 1000, maxAttempts: 6 };

/** A failed attempt as octokit reports it; `status` is null when no HTTP answer came. */
export interface AttemptFailure {
  status: number | null;
  headers: Readonly<Record<string, string | undefined>>;
  message: string;
}

/** Why a request would be sent again, and the wait the plugin that sends it would make. */
export type RetryCause =
  /** The throttling plugin's onRateLimit: no requests left; it waits until the reset (plus a second). */
  | { kind: 'rate-limit'; status: number | null; waitMs: number }
  /** The throttling plugin's onSecondaryRateLimit: it waits the `retry-after` (a minute when none is given). */
  | { kind: 'secondary'; waitMs: number }
  /** A 429 (or a 403 with `retry-after`) the throttling plugin does not recognise: plugin-retry resends it after the `retry-after`. */
  | { kind: 'retry-after'; status: number; waitMs: number }
  /** 5xx, 408 or no answer: plugin-retry's `resend`-th resend of the request, after resend² × the back-off base. */
  | { kind: 'transient'; reason: string; resend: number };

export interface AttemptState {
  /** Attempts made so far (1 after the first). */
  attempt: number;
  /** Time already spent waiting for this request, in ms. */
  waitedMs: number;
  /** False for a create or a comment: a lost answer may hide a done write, so only a refusal (a rate limit) is resent. */
  resendable: boolean;
}

export type RetryDecision = { retry: true; waitMs: number; reason: string } | { retry: false; reason: string; why: string };

/** GitHub's advice when a 429 or a secondary limit gives no `retry-after`: wait a minute (as the throttling plugin does). */
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** Whether to let the plugin send the request again; pure, so every case is a table row in the tests. */
export function decideRetry(cause: RetryCause, state: AttemptState, policy: RetryPolicy): RetryDecision {
  const reason = reasonOf(cause);
  if (cause.kind === 'transient' && !state.resendable)
    return { retry: false, reason, why: 'not sent again: GitHub may have done it, so sync re-reads instead' };
  if (state.attempt >= policy.maxAttempts) return { retry: false, reason, why: `gave up after ${state.attempt} attempts` };
  const waitMs = cause.kind === 'transient' ? backoffWait(cause.resend, policy) : cause.waitMs;
  if (state.waitedMs + waitMs > policy.maxWaitMs) {
    return {
      retry: false,
      reason,
      why: `the next wait (${seconds(waitMs)}) would pass the ${seconds(policy.maxWaitMs)} limit on waiting (--max-wait, \`sync.max_wait\`)`,
    };
  }
  return { retry: true, waitMs, reason };
}

/**
 * plugin-retry's `retries`: the most resends whose back-off waits (base × 1,
 * 4, 9, …) add up to no more than the cap, within the attempt limit.
 */
export function transientRetries(policy: RetryPolicy): number {
  let retries = 0;
  let waited = 0;
  while (retries + 1 < policy.maxAttempts && waited + backoffWait(retries + 1, policy) <= policy.maxWaitMs) {
    retries++;
    waited += backoffWait(retries, policy);
  }
  return retries;
}

/** plugin-retry's wait before its n-th resend: n² × the base. */
function backoffWait(resend: number, policy: RetryPolicy): number {
  return resend * resend * policy.backoffMs;
}

/**
 * What kind of failure this is for the plugins. `throttled` is what the
 * throttling plugin takes itself (a 403 or 429 naming a secondary rate
 * limit, or with no requests left: the same tests it makes) and has
 * already asked the policy about; `retry-after` and `transient` are left
 * to plugin-retry; null is a failure no retry can fix (404, 422…).
 */
export function causeOf(failure: AttemptFailure, resend: number): RetryCause | 'throttled' | null {
  const { status, headers } = failure;
  if (status === 403 || status === 429) {
    if (/\bsecondary rate\b/i.test(failure.message) || headers['x-ratelimit-remaining'] === '0') return 'throttled';
    const retryAfter = Number(headers['retry-after']);
    if (status === 403 && !headers['retry-after']) return null;
    return { kind: 'retry-after', status, waitMs: headers['retry-after'] && Number.isFinite(retryAfter) ? retryAfter * 1000 : DEFAULT_RETRY_AFTER_MS };
  }
  if (status !== null && status < 500 && status !== 408) return null;
  return { kind: 'transient', reason: status === null ? failure.message : `HTTP ${status}`, resend };
}

/** The statuses plugin-retry must leave alone (its `doNotRetry`): every 4xx but 408; 403 and 429 are the rate limits' (above). */
export const NOT_RETRIED_STATUSES: readonly number[] = Array.from({ length: 100 }, (_, i) => 400 + i).filter((status) => status !== 408);

function reasonOf(cause: RetryCause): string {
  switch (cause.kind) {
    case 'rate-limit':
      return `rate limit used up (${cause.status === null ? '' : `HTTP ${cause.status}; `}resets in ${seconds(cause.waitMs)})`;
    case 'secondary':
      return `secondary rate limit (retry-after ${seconds(cause.waitMs)})`;
    case 'retry-after':
      return `HTTP ${cause.status} (retry-after ${seconds(cause.waitMs)})`;
    case 'transient':
      return cause.reason;
  }
}

export function seconds(ms: number): string {
  return ms < 1000 && ms > 0 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** One line per retry, on a terminal: `retrying GET /repos/acme/platform: HTTP 502; attempt 2/6 in 1 s`. */
export function retryLine(target: string, decision: { waitMs: number; reason: string }, attempt: number, policy: RetryPolicy): string {
  return `retrying ${target}: ${decision.reason}; attempt ${attempt + 1}/${policy.maxAttempts} in ${seconds(decision.waitMs)}`;
}

/** What the final error says was tried: `5 attempts over 30 s (HTTP 502); the next wait (25 s) would pass …`. */
export function summarise(attempts: number, waitedMs: number, reasons: readonly string[], why: string): string {
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
