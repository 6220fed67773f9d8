/**
 * The pull-request side of GitHub that the Action reads and writes: the
 * files a pull request changes, its reviews, the file as it is on the base
 * branch, and the issue comments the check keeps one of. Lists are read in
 * full through Link pagination; every call returns data or a failure with
 * the HTTP status (a fork's read-only token answers writes with 403), never
 * throws, and no failure message carries the token.
 *
 * @example
 * const github = createPullRequestClient(connection);
 * const files = await github.listFiles(42); // { ok: true, value: [{ path, status }] } | { ok: false, status: 403, message }
 */
import { retry } from '@octokit/plugin-retry';
import { Octokit } from '@octokit/rest';
import type { ExistingComment } from '../../action/comment.js';
import type { Review } from '../../review/gate.js';
import type { Connection } from './connection.js';
import { redactToken } from './connection.js';
import { createHttpLayer } from './http.js';
import { ownRequestOptions } from './retrying-octokit.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number | null; message: string };

export interface ChangedFile {
  path: string;
  /** added | modified | removed | renamed | copied | changed | unchanged */
  status: string;
  previousPath: string | null;
}

export interface PullRequestClient {
  listFiles(pull: number): Promise<Outcome<ChangedFile[]>>;
  listReviews(pull: number): Promise<Outcome<Review[]>>;
  /** The file's text at a commit; null when it does not exist there. */
  readFileAt(path: string, ref: string): Promise<Outcome<string | null>>;
  listComments(issue: number): Promise<Outcome<ExistingComment[]>>;
  createComment(issue: number, body: string): Promise<Outcome<number>>;
  updateComment(id: number, body: string): Promise<Outcome<number>>;
}

const RetryingOctokit = Octokit.plugin(retry);
const TIMEOUT_MS = 30_000;

/** A client for one repository; `connection.token` may be null for public reads. */
export async function createPullRequestClient(connection: Connection, options: { backoffMs?: number } = {}): Promise<PullRequestClient> {
  const http = await createHttpLayer({ paceMs: 0, timeoutMs: TIMEOUT_MS });
  const octokit = new RetryingOctokit({
    auth: connection.token ?? undefined,
    baseUrl: connection.apiUrl,
    userAgent: 'postmortem-action',
    request: { fetch: http.fetch },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retries: 3, retryAfterBaseValue: options.backoffMs ?? 1000 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  octokit.hook.wrap('request', (request, requestOptions) => {
    ownRequestOptions(requestOptions);
    return request(requestOptions);
  });
  const repo = { owner: connection.owner, repo: connection.repo };
  const attempt = <T>(task: () => Promise<T>) => guard(task, connection.token);
  return {
    listFiles: (pull) =>
      attempt(async () => {
        const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pull, per_page: 100 });
        return files.map((f) => ({ path: f.filename, status: f.status, previousPath: f.previous_filename ?? null }));
      }),
    listReviews: (pull) =>
      attempt(async () => {
        const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...repo, pull_number: pull, per_page: 100 });
        return reviews.map((r) => ({ reviewer: r.user?.login ?? '', state: r.state })).filter((r) => r.reviewer !== '');
      }),
    readFileAt: (path, ref) =>
      attempt(async () => {
        try {
          const response = await octokit.rest.repos.getContent({ ...repo, path, ref, mediaType: { format: 'raw' } });
          return typeof response.data === 'string' ? response.data : null;
        } catch (error) {
          if ((error as { status?: number }).status === 404) return null;
          throw error;
        }
      }),
    listComments: (issue) =>
      attempt(async () => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 });
        return comments.map((c) => ({ id: c.id, body: c.body ?? null, author: c.user?.login ?? null }));
      }),
    createComment: (issue, body) => attempt(async () => (await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })).data.id),
    updateComment: (id, body) => attempt(async () => (await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body })).data.id),
  };
}

async function guard<T>(task: () => Promise<T>, token: string | null): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    const status = (error as { status?: number }).status ?? null;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, status, message: redactToken(message, token) };
  }
}
