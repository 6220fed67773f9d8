/**
 * Where an action item's `#N` points in reports and in the tracker page:
 * `<server>/<owner>/<name>/issues/N`. The server is github.com unless the
 * config names another (`sync.server_url`, for GitHub Enterprise Server); it
 * comes from the config, not the environment, so a report rendered on a
 * laptop and in CI is the same file.
 *
 * @example
 * issueUrl({ repo: 'acme/platform', serverUrl: 'https://github.example.com' }, 42)
 * // → 'https://github.example.com/acme/platform/issues/42'
 */
export interface IssueLinks {
  /** owner/name */
  repo: string;
  /** The web address of the GitHub server, without a trailing slash. */
  serverUrl: string;
}

/** The links of the configured repository, or null when `sync.repo` is not set (numbers are then shown unlinked). */
export function issueLinksOf(sync: { repo: string | null; serverUrl: string }): IssueLinks | null {
  return sync.repo ? { repo: sync.repo, serverUrl: sync.serverUrl } : null;
}

/** The address of issue `issue`, or null when there is no repository or no number. */
export function issueUrl(links: IssueLinks | null | undefined, issue: number | null): string | null {
  return links && issue !== null ? `${links.serverUrl}/${links.repo}/issues/${issue}` : null;
}
