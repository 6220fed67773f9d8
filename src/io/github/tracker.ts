/**
 * The GitHub edge: a `Tracker` over the REST API with octokit. Rate limits
 * (primary, secondary, 429 with `retry-after`) are waited out by the
 * throttling plugin and transient failures (5xx, resets, timeouts) resent by
 * the retry plugin, both under one policy and a cap on the total wait
 * (retrying-octokit.ts), except that creates go out once after a transient
 * failure: a lost create is resolved by re-reading the marker (see
 * apply.ts), never by sending it again. Every attempt has a timeout, and
 * writes are paced to stay under GitHub's secondary limits.
 *
 * @example
 * const tracker = await createGithubTracker({ connection, label: 'postmortem-action', paceMs: 1000, timeoutMs: 30_000 });
 * const issues = await tracker.listIssues();
 */
import { Octokit } from '@octokit/rest';
import { DEFAULT_SERVER_URL, type Connection } from './connection.js';
import { classify } from './failure.js';
import { createHttpLayer, type HttpLayer } from './http.js';
import { DEFAULT_RETRY_POLICY } from './retry.js';
import { createRetryingOctokit } from './retrying-octokit.js';
import { parseMarker } from '../../sync/marker.js';
import type { IssueDraft, IssuePatch, RemoteIssue } from '../../sync/plan.js';
import type { RepositoryInfo, SyncTracker } from '../../sync/tracker.js';

export interface GithubTrackerOptions {
  connection: Connection;
  label: string;
  /** Pause between write requests, in ms (GitHub asks for about a second). */
  paceMs: number;
  /** Per-attempt timeout, in ms. */
  timeoutMs: number;
  /** Base of the back-off for 5xx and resets, in ms (default 1000: waits 1, 4, 9, 16 s). */
  backoffMs?: number | undefined;
  /** The most one request waits between its attempts, in ms (default 30 000); past it, it fails. */
  maxWaitMs?: number | undefined;
  /** Called with one line per retry (method, path, reason, attempt n/m, wait). */
  onRetry?: ((line: string) => void) | undefined;
  /** Called with one line per HTTP attempt (`--verbose`); never sees headers. */
  log?: ((line: string) => void) | undefined;
  /** A file keeping ETags between runs (`--cache`). */
  cacheFile?: string | undefined;
}

export interface GithubTracker extends SyncTracker {
  /** HTTP attempts made so far, retries included. */
  requests(): number;
  /** Saves the ETag cache; call once at the end of a run. */
  close(): Promise<void>;
}

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

/** A configured wait in seconds as the tracker takes it; null keeps the default (`DEFAULT_RETRY_POLICY`, 30 s). */
export function secondsToMs(seconds: number | null): number | undefined {
  return seconds === null ? undefined : seconds * 1000;
}

/** The tracker for one repository; `close()` it at the end to keep the ETag cache. */
export async function createGithubTracker(options: GithubTrackerOptions): Promise<GithubTracker> {
  return new OctokitTracker(options, await createHttpLayer(options));
}

class OctokitTracker implements GithubTracker {
  private readonly octokit: Octokit;
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

  async readRepository(): Promise<RepositoryInfo> {
    try {
      const { data } = await this.octokit.rest.repos.get(this.repo);
      const server = this.options.connection.serverUrl ?? DEFAULT_SERVER_URL;
      return { webUrl: `${server}/${this.repo.owner}/${this.repo.repo}`, defaultBranch: data.default_branch };
    } catch (error) {
      throw classify(error, `reading the repository ${this.repo.owner}/${this.repo.repo}`, false);
    }
  }

  async listIssues(): Promise<RemoteIssue[]> {
    const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listForRepo, {
      ...this.repo,
      labels: this.options.label,
      state: 'all',
      per_page: 100,
    });
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

function createOctokit(options: GithubTrackerOptions, http: HttpLayer): Octokit {
  const policy = {
    ...DEFAULT_RETRY_POLICY,
    ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
  };
  return createRetryingOctokit({
    auth: options.connection.token ?? undefined,
    baseUrl: options.connection.apiUrl,
    userAgent: 'postmortem-sync',
    fetch: http.fetch,
    policy,
    onRetry: options.onRetry,
    beforeAttempt: http.pace,
  });
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
