/**
 * Octokit with its throttling and retry plugins, under one policy
 * (retry.ts) and one cap on the total wait of a request:
 *
 * - `@octokit/plugin-throttling` waits out primary rate limits (until the
 *   reset) and secondary ones (the `retry-after`); its onRateLimit and
 *   onSecondaryRateLimit ask the policy, which says no when the wait would
 *   pass the cap.
 * - `@octokit/plugin-retry` resends after 5xx, 408 and lost connections,
 *   with its back-off (resend² × base), at most as many times as fit in the
 *   cap (`transientRetries`); a create or comment (`request.retries: 0`) is
 *   never resent. A 429 the throttling plugin does not recognise (no
 *   secondary-limit message) is resent by it after its `retry-after`.
 *
 * Two small hooks around the throttling plugin see every attempt: they
 * announce each retry (`onRetry`: method, path, reason, attempt n/m, wait),
 * stop plugin-retry where the policy says so, and put a summary of what
 * was tried on the final error (`retrySummary`, read by failure.ts).
 *
 * @example
 * const octokit = createRetryingOctokit({ auth, baseUrl, userAgent: 'postmortem-sync', fetch, policy: DEFAULT_RETRY_POLICY, onRetry: console.error });
 */
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import {
  causeOf,
  decideRetry,
  NOT_RETRIED_STATUSES,
  pathOf,
  retryLine,
  summarise,
  transientRetries,
  type AttemptFailure,
  type RetryCause,
  type RetryPolicy,
} from './retry.js';

export interface RetryingOctokitOptions {
  auth: string | undefined;
  baseUrl: string;
  userAgent: string;
  fetch: typeof globalThis.fetch;
  policy: RetryPolicy;
  /** One line per retry: method, path, reason, attempt n/m, wait. */
  onRetry?: ((line: string) => void) | undefined;
  /** Called before every attempt, retries included (write pacing). */
  beforeAttempt?: ((method: string) => Promise<void>) | undefined;
}

/** What one request went through, across both plugins' retries. */
interface RequestRecord {
  attempts: number;
  waitedMs: number;
  /** The reason of every retry and of the refusal, for the summary. */
  reasons: string[];
  /** Why the last failure was not sent again; null while the policy refused nothing. */
  why: string | null;
  /** The last failed attempt: the throttling callbacks see neither its status nor its expanded path. */
  last: { failure: AttemptFailure; target: string } | null;
}

type Plugin = Parameters<typeof Octokit.plugin>[number];
/** The per-request options plugin-retry reads and writes (`retries`, `retryCount`). */
type RetryOptions = { retries?: number; retryCount?: number };

/**
 * Shaped like the Bottleneck groups the throttling plugin schedules
 * requests on, without their waits: sync sends one request at a time and
 * paces its own writes (`beforeAttempt`, configurable, 0 in tests), where
 * the plugin's groups would add a fixed second between writes.
 */
const UNTHROTTLED = { key: () => ({ schedule: async (_job: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => task(...args) }) };

export function createRetryingOctokit(options: RetryingOctokitOptions): Octokit {
  const { policy } = options;
  const records = new WeakMap<object, RequestRecord>();

  /** Asks the policy about one retry a plugin would make; announces it, or records why not. */
  const consider = (record: RequestRecord, cause: RetryCause, resendable: boolean): boolean => {
    const decision = decideRetry(cause, { attempt: record.attempts, waitedMs: record.waitedMs, resendable }, policy);
    record.reasons.push(decision.reason);
    if (!decision.retry) {
      record.why = decision.why;
      return false;
    }
    record.waitedMs += decision.waitMs;
    options.onRetry?.(retryLine(record.last?.target ?? '', decision, record.attempts, policy));
    return true;
  };

  /** Innermost, so it sees every attempt, the throttling plugin's too: paces, counts, keeps the failure. */
  const attempts: Plugin = (octokit) => {
    octokit.hook.wrap('request', async (request, requestOptions) => {
      await options.beforeAttempt?.(requestOptions.method.toUpperCase());
      const record = records.get(requestOptions);
      if (record) record.attempts++;
      try {
        return await request(requestOptions);
      } catch (error) {
        if (record) record.last = describeFailure(error, requestOptions.method);
        throw error;
      }
    });
  };

  /** Between the two plugins: a failure the throttling plugin left alone is plugin-retry's, within the policy. */
  const transients: Plugin = (octokit) => {
    octokit.hook.wrap('request', async (request, requestOptions) => {
      try {
        return await request(requestOptions);
      } catch (error) {
        const record = records.get(requestOptions);
        const retryOptions = requestOptions.request as RetryOptions;
        const resent = retryOptions.retryCount ?? 0;
        const cause = record?.last ? causeOf(record.last.failure, resent + 1) : null;
        if (!record || cause === null || cause === 'throttled') throw error;
        const again = consider(record, cause, retryOptions.retries !== 0);
        if (again && cause.kind === 'retry-after') {
          // plugin-retry leaves 429 alone (doNotRetry); asked explicitly, it waits `retryAfter` × its base.
          const units = Math.ceil(cause.waitMs / Math.max(1, policy.backoffMs));
          throw (octokit as unknown as RetryPlugin).retry.retryRequest(error, resent + 1, units);
        }
        // Exactly as many resends as the policy allowed: one more, or none.
        requestOptions.request = { ...requestOptions.request, retries: again ? resent + 1 : resent };
        throw error;
      }
    });
  };

  const onLimit =
    (kind: 'rate-limit' | 'secondary') =>
    (retryAfter: number, requestOptions: object): boolean => {
      const record = records.get(requestOptions);
      if (!record) return false;
      const waitMs = retryAfter * 1000;
      return consider(record, kind === 'secondary' ? { kind, waitMs } : { kind, status: record.last?.failure.status ?? null, waitMs }, true);
    };

  const Retrying = Octokit.plugin(attempts, throttling, transients, retry);
  const throttle: ThrottlingOptions & { global: unknown } = {
    onRateLimit: onLimit('rate-limit'),
    onSecondaryRateLimit: onLimit('secondary'),
    write: UNTHROTTLED as unknown as NonNullable<ThrottlingOptions['write']>,
    notifications: UNTHROTTLED as unknown as NonNullable<ThrottlingOptions['write']>,
    global: UNTHROTTLED,
  };
  const octokit = new Retrying({
    auth: options.auth,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    request: { fetch: options.fetch },
    throttle,
    retry: { retries: transientRetries(policy), retryAfterBaseValue: policy.backoffMs, doNotRetry: [...NOT_RETRIED_STATUSES] },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });

  // Outermost: one record per request, and the summary on its final error.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    ownRequestOptions(requestOptions);
    const record: RequestRecord = { attempts: 0, waitedMs: 0, reasons: [], why: null, last: null };
    records.set(requestOptions, record);
    try {
      return await request(requestOptions);
    } catch (error) {
      if (record.why !== null && error && typeof error === 'object') {
        (error as { retrySummary?: string }).retrySummary = summarise(record.attempts, record.waitedMs, record.reasons, record.why);
      }
      throw error;
    }
  });
  return octokit;
}

/**
 * Gives a request its own `request` options before plugin-retry sees it:
 * the plugin counts resends in them (`retryCount`), and octokit shares one
 * such object between all requests, so without this a second failing
 * request starts from the first one's count and backs off 16 times longer.
 * Replaced in place: every hook is handed this same options object,
 * whatever an outer hook passes on. Call from the outermost hook.
 */
export function ownRequestOptions(requestOptions: { request?: object | undefined }): void {
  requestOptions.request = { ...requestOptions.request };
}

interface RetryPlugin {
  retry: { retryRequest(error: unknown, retries: number, retryAfter: number): Error };
}

/** The failure as the policy reads it, from octokit's RequestError; no answer at all (refused, reset, timed out) has no status. */
function describeFailure(raw: unknown, method: string): { failure: AttemptFailure; target: string } {
  const error = (raw ?? {}) as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined> };
    request?: { method?: string; url?: string };
  };
  // Octokit reports "no answer" as status 500 without a response.
  const answered = error.response !== undefined;
  return {
    failure: { status: answered ? (error.status ?? null) : null, headers: error.response?.headers ?? {}, message: error.message ?? 'network error' },
    target: `${(error.request?.method ?? method).toUpperCase()} ${pathOf(error.request?.url ?? '')}`,
  };
}
