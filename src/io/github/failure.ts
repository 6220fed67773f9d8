/**
 * Turns an octokit failure into the TrackerError sync reports: what was
 * being done, what GitHub (or the network) said, which host and path, what
 * the retries tried, and what to check. Built from the request's method and
 * URL and the response's status and message only, never from headers, so
 * the token cannot appear in it.
 *
 * @example
 * classify(error, 'listing issues', false).message;
 * // 'listing issues failed (connection refused (ECONNREFUSED)): GET 127.0.0.1:9/repos/acme/platform/issues,
 * //  4 attempts over 14 s (…); the next wait … ; check that http://127.0.0.1:9 is reachable (--api-url, GITHUB_API_URL)'
 */
import { TrackerError } from '../../sync/tracker.js';

interface OctokitFailure {
  status?: unknown;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
  request?: { method?: string; url?: string };
  retrySummary?: string;
}

/** Classifies for apply (an ambiguous write is re-read, never resent) and words the message. */
export function classify(error: unknown, what: string, write: boolean): TrackerError {
  const failure = (error ?? {}) as OctokitFailure;
  const answered = failure.response !== undefined;
  const status = typeof failure.status === 'number' ? failure.status : null;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (status === 422 && /assignee/i.test(`${message} ${JSON.stringify(failure.response?.data ?? '')}`)) {
    return new TrackerError('invalid-assignee', `${what}: GitHub refused the assignee (${message})`, status);
  }
  const ambiguous = write && (!answered || status === null || status >= 500 || status === 408);
  const detail = !answered || status === null ? message : `HTTP ${status}: ${message}`;
  const target = describeTarget(failure.request);
  const tried = failure.retrySummary ? `, ${failure.retrySummary}` : '';
  const hint = hintFor(answered ? status : null, failure);
  return new TrackerError(ambiguous ? 'ambiguous' : 'failed', `${what} failed (${detail})${target}${tried}${hint ? `; ${hint}` : ''}`, status);
}

/** `: GET api.github.com/repos/acme/platform/issues`, without the query (labels, paging). */
function describeTarget(request: OctokitFailure['request']): string {
  if (!request?.url) return '';
  try {
    const url = new URL(request.url);
    return `: ${(request.method ?? 'GET').toUpperCase()} ${url.host}${url.pathname}`;
  } catch {
    return '';
  }
}

/** What the user can check, by kind of failure. */
function hintFor(status: number | null, failure: OctokitFailure): string | null {
  const headers = failure.response?.headers ?? {};
  if (status === null) {
    const origin = failure.request?.url ? originOf(failure.request.url) : 'the API URL';
    return `check that ${origin} is reachable from here (--api-url, GITHUB_API_URL)`;
  }
  if (status === 401) return 'check GITHUB_TOKEN (or GH_TOKEN): GitHub did not accept it';
  if (status === 429 || headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] || /rate limit/i.test(failure.message ?? '')) {
    return 'GitHub is rate limiting this token: run sync again later, or allow a longer wait with --max-wait';
  }
  if (status === 403) return 'check that the token may write issues in the repository (`issues: write`)';
  if (status === 404) return 'check --repo (or `sync.repo`) and that the token can see the repository';
  if (status >= 500) return 'GitHub had trouble answering: run sync again later; it resumes where it stopped';
  return null;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the API URL';
  }
}
