/**
 * The small interface `applySync` talks to. The GitHub edge implements it
 * with octokit; tests of the apply logic implement it in memory. Failures are
 * classified here, because what to do next depends on the kind: an ambiguous
 * create (the server may have committed it) is re-read, never blindly resent.
 *
 * @example
 * try { await tracker.createIssue(draft); }
 * catch (error) { if (error instanceof TrackerError && error.kind === 'ambiguous') await tracker.findIssue(id, action); }
 */
import type { IssueDraft, IssuePatch, RemoteIssue } from './plan.js';

export interface Tracker {
  /** Every issue carrying the sync label, open and closed. */
  listIssues(): Promise<RemoteIssue[]>;
  /** The lowest-numbered issue with this marker, read fresh (after an ambiguous create). */
  findIssue(incident: string, action: string): Promise<RemoteIssue | null>;
  /** One issue by number, or null when it does not exist (an `issue:` whose label was removed). */
  getIssue(issue: number): Promise<RemoteIssue | null>;
  createIssue(draft: IssueDraft): Promise<number>;
  updateIssue(issue: number, patch: IssuePatch): Promise<void>;
  addComment(issue: number, body: string): Promise<void>;
  /** Creates the labels that do not exist yet; a label that exists is fine. */
  ensureLabels(labels: readonly string[]): Promise<void>;
}

/** Where the post-mortems live on the web, for the link back in each issue body. */
export interface RepositoryInfo {
  /** The repository's page, e.g. `https://github.com/acme/platform`. */
  webUrl: string;
  defaultBranch: string;
  /** The workspace's folder in the repository, with a trailing slash ('' when it is the repository's top). */
  pathPrefix?: string;
}

/** The Tracker plus the one read sync makes first: it proves the token and repository work before anything is written. */
export interface SyncTracker extends Tracker {
  readRepository(): Promise<RepositoryInfo>;
}

export type TrackerErrorKind =
  /** The request may or may not have taken effect (5xx, reset, timeout after sending). */
  | 'ambiguous'
  /** GitHub refused the assignee (not a collaborator). */
  | 'invalid-assignee'
  /** Refused for good (permissions, validation, not found) or retries exhausted. */
  | 'failed';

export class TrackerError extends Error {
  override name = 'TrackerError';
  constructor(
    readonly kind: TrackerErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}
