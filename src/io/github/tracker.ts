/**
 * The GitHub edge: a `Tracker` over the REST API with octokit. Rate limits
 * (primary, secondary, 429 with `retry-after`) and transient failures (5xx,
 * resets, timeouts) are retried by the throttling and retry plugins, except
 * for creates, which go out once: a lost create is resolved by re-reading
 * the marker (see apply.ts), never by sending it again. Every attempt has a
 * timeout, and writes are paced to stay under GitHub's secondary limits.
 *
 * @example
 * const tracker = await createGithubTracker({ connection, label: 'postmortem-action', paceMs: 1000, timeoutMs: 30_000 });
 * const issues = await tracker.listIssues();
 */
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Connection } from './connection.js';
import { createHttpLayer, type HttpLayer } from './http.js';
import { parseMarker } from '../../sync/marker.js';
import type { IssueDraft, IssuePatch, RemoteIssue } from '../../sync/plan.js';
import { TrackerError, type Tracker } from '../../sync/tracker.js';

export interface GithubTrackerOptions {
  connection: Connection;
  label: string;
  /** Pause between write requests, in ms (GitHub asks for about a second). */
  paceMs: number;
  /** Per-attempt timeout, in ms. */
  timeoutMs: number;
  /** Base of the retry plugin's back-off for 5xx and resets, in ms (default 1000). */
  backoffMs?: number;
  /** Called with one line per HTTP attempt (`--verbose`); never sees headers. */
  log?: ((line: string) => void) | undefined;
  /** A file keeping ETags between runs (`--cache`). */
  cacheFile?: string | undefined;
}

export interface GithubTracker extends Tracker {
  /** HTTP attempts made so far, retries included. */
  requests(): number;
  /** Saves the ETag cache; call once at the end of a run. */
  close(): Promise<void>;
}

const MAX_LIMIT_RETRIES = 4;
const ThrottledOctokit = Octokit.plugin(throttling, retry);

interface IssueData {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  labels: Array<string | { name?: string }>;
  assignees?: Array<{ login: string }> | null;
  pull_request?: unknown;
}

/** The tracker for one repository; `close()` it at the end to keep the ETag cache. */
export async function createGithubTracker(options: GithubTrackerOptions): Promise<GithubTracker> {
  return new OctokitTracker(options, await createHttpLayer(options));
}

class OctokitTracker implements GithubTracker {
  private readonly octokit: InstanceType<typeof ThrottledOctokit>;
  private readonly repo: { owner: string; repo: string };
  /** Labels seen on listed issues exist already: no need to create them. */
  private readonly knownLabels = new Set<string>();

  constructor(
    private readonly options: GithubTrackerOptions,
    private readonly http: HttpLayer,
  ) {
    this.octokit = createOctokit(options, this.http);
    this.repo = { owner: options.connection.owner, repo: options.connection.repo };
  }

  requests(): number {
    return this.http.count();
  }

  close(): Promise<void> {
    return this.http.saveCache();
  }

  async listIssues(): Promise<RemoteIssue[]> {
    const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listForRepo, { ...this.repo, labels: this.options.label, state: 'all', per_page: 100 });
    const issues: RemoteIssue[] = [];
    try {
      for await (const page of pages) issues.push(...toRemoteIssues(page.data as IssueData[]));
    } catch (error) {
      throw classify(error, 'listing issues', false);
    }
    for (const issue of issues) for (const label of issue.labels) this.knownLabels.add(label);
    return issues;
  }

  async findIssue(incident: string, action: string): Promise<RemoteIssue | null> {
    try {
      // The newest issues: a create whose answer was lost, if committed, is among them.
      const query = { ...this.repo, labels: this.options.label, state: 'all', sort: 'created', direction: 'desc', per_page: 100 } as const;
      const { data } = await this.octokit.rest.issues.listForRepo(query);
      const found = toRemoteIssues(data as IssueData[]).filter((issue) => issue.marker?.incident === incident && issue.marker.action === action);
      return found.sort((a, b) => a.number - b.number)[0] ?? null;
    } catch (error) {
      throw classify(error, 're-reading issues', false);
    }
  }

  async getIssue(issue: number): Promise<RemoteIssue | null> {
    try {
      const { data } = await this.octokit.rest.issues.get({ ...this.repo, issue_number: issue });
      return toRemoteIssues([data as IssueData])[0] ?? null;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404 || status === 410) return null;
      throw classify(error, `reading issue #${issue}`, false);
    }
  }

  async createIssue(draft: IssueDraft): Promise<number> {
    try {
      // No automatic retry: the server may have committed a create whose response was lost.
      const { data } = await this.octokit.rest.issues.create({ ...this.repo, ...draft, request: { retries: 0 } });
      return data.number;
    } catch (error) {
      throw classify(error, 'creating an issue', true);
    }
  }

  async updateIssue(issue: number, patch: IssuePatch): Promise<void> {
    const { stateReason, ...rest } = patch;
    const body = stateReason === undefined ? rest : { ...rest, state_reason: stateReason };
    try {
      await this.octokit.rest.issues.update({ ...this.repo, issue_number: issue, ...body });
    } catch (error) {
      throw classify(error, `updating issue #${issue}`, false);
    }
  }

  async addComment(issue: number, body: string): Promise<void> {
    try {
      await this.octokit.rest.issues.createComment({ ...this.repo, issue_number: issue, body, request: { retries: 0 } });
    } catch (error) {
      throw classify(error, `commenting on issue #${issue}`, true);
    }
  }

  async ensureLabels(labels: readonly string[]): Promise<void> {
    for (const name of labels.filter((label) => !this.knownLabels.has(label))) {
      this.knownLabels.add(name);
      const isMain = name === this.options.label;
      const description = isMain ? 'Action item from a post-mortem (managed by postmortem sync)' : 'Action items of one incident';
      try {
        await this.octokit.rest.issues.createLabel({ ...this.repo, name, color: isMain ? 'b60205' : 'fbca04', description });
      } catch (error) {
        // 422 is "already exists": fine.
        if ((error as { status?: number }).status !== 422) throw classify(error, `creating label ${name}`, false);
      }
    }
  }
}

function createOctokit(options: GithubTrackerOptions, http: HttpLayer): InstanceType<typeof ThrottledOctokit> {
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    options.log?.(`${kind} rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s`);
    return retryCount < MAX_LIMIT_RETRIES;
  };
  const group = http.writeGroup as unknown as NonNullable<ThrottlingOptions['write']>;
  const throttle: ThrottlingOptions & { global: typeof group } = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    // Our own pacing replaces the plugin's fixed one-second write spacing, so tests can run it at 0.
    write: group,
    notifications: group,
    // Sync sends one request at a time, so the plugin's concurrency group only adds latency (~10 ms a request).
    global: http.passThroughGroup as unknown as typeof group,
  };
  const octokit = new ThrottledOctokit({
    auth: options.connection.token ?? undefined,
    baseUrl: options.connection.apiUrl,
    userAgent: 'postmortem-sync',
    request: { fetch: http.fetch },
    throttle,
    // 429 is left to the retry-after hook below; 403 to the throttling plugin.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retries: 5, retryAfterBaseValue: options.backoffMs ?? 1000 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  octokit.hook.wrap('request', http.retryAfterHook);
  return octokit;
}

function toRemoteIssues(data: readonly IssueData[]): RemoteIssue[] {
  return data
    .filter((item) => item.pull_request === undefined)
    .map((item) => ({
      number: item.number,
      title: item.title,
      body: item.body ?? null,
      state: item.state === 'closed' ? 'closed' : 'open',
      stateReason: item.state_reason ?? null,
      labels: item.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
      assignees: (item.assignees ?? []).map((a) => a.login),
      marker: parseMarker(item.body),
    }));
}

/** Turns an octokit failure into a TrackerError; the message names the request, never a header. */
export function classify(error: unknown, what: string, write: boolean): TrackerError {
  const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : null;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const data = (error as { response?: { data?: unknown } }).response?.data;
  if (status === 422 && /assignee/i.test(`${message} ${JSON.stringify(data ?? '')}`)) {
    return new TrackerError('invalid-assignee', `${what}: GitHub refused the assignee (${message})`, status);
  }
  const ambiguous = write && (status === null || status >= 500 || status === 408);
  const detail = status === null || status === 500 && !(error as { response?: unknown }).response ? message : `HTTP ${status}: ${message}`;
  return new TrackerError(ambiguous ? 'ambiguous' : 'failed', `${what} failed (${detail})`, status);
}
