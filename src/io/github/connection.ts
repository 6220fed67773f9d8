/**
 * Where sync talks to and with what: the API base URL, the repository and
 * the token, resolved from flags, environment and config. A token only ever
 * comes from the environment, and a plain `http://` URL is accepted only for
 * loopback (a local test server), so a token never crosses a network unencrypted.
 *
 * @example
 * resolveConnection({ repo: 'acme/platform' }, { GITHUB_TOKEN: 't' }, null);
 * // { apiUrl: 'https://api.github.com', owner: 'acme', repo: 'platform', token: 't' }
 */

export interface Connection {
  apiUrl: string;
  owner: string;
  repo: string;
  /** Null only for a dry run without a token (public repositories). */
  token: string | null;
  /** The web address of GitHub (`GITHUB_SERVER_URL`), for links; default `https://github.com`. */
  serverUrl?: string;
}

/** A repository, token or API URL that cannot be used; the CLI reports it as a usage error (exit 2). */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_SERVER_URL = 'https://github.com';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Flags first, then the config, then the environment; throws a ConnectionError for anything unusable. */
export function resolveConnection(
  flags: { repo?: string | undefined; apiUrl?: string | undefined; dryRun?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
  configRepo: string | null,
  configServerUrl: string = DEFAULT_SERVER_URL,
): Connection {
  const repoText = flags.repo ?? configRepo ?? env.GITHUB_REPOSITORY;
  if (!repoText) throw new ConnectionError('no repository: pass --repo OWNER/NAME (or set `sync.repo` in postmortem.config.yaml)');
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repoText);
  if (!match) throw new ConnectionError(`--repo must be OWNER/NAME; got \`${repoText}\``);
  const apiUrl = checkApiUrl(flags.apiUrl ?? (env.GITHUB_API_URL || DEFAULT_API_URL));
  const token = env.GITHUB_TOKEN || env.GH_TOKEN || null;
  if (!token && !flags.dryRun) throw new ConnectionError('no token: set GITHUB_TOKEN (or GH_TOKEN) to a token with `issues: write` on the repository');
  return { apiUrl, owner: match[1]!, repo: match[2]!, token, serverUrl: serverUrlFrom(env, configServerUrl) };
}

/**
 * `GITHUB_SERVER_URL` (set on every Actions runner, GitHub Enterprise
 * included), else `sync.server_url` of the config (github.com by default).
 * Only ever written into links, never contacted.
 */
export function serverUrlFrom(env: Readonly<Record<string, string | undefined>>, configServerUrl: string = DEFAULT_SERVER_URL): string {
  const text = env.GITHUB_SERVER_URL;
  if (!text) return configServerUrl;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConnectionError(`GITHUB_SERVER_URL is not a URL: \`${text}\``);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new ConnectionError(`GITHUB_SERVER_URL must be an http(s) address without credentials; got \`${url.protocol}//${url.host}\``);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** https:// anywhere; http:// only for 127.0.0.1, localhost and [::1]. */
export function checkApiUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConnectionError(`--api-url is not a URL: \`${text}\``);
  }
  if (url.username || url.password) throw new ConnectionError('--api-url must not carry credentials; use GITHUB_TOKEN');
  if (url.protocol === 'https:') return text.replace(/\/+$/, '');
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return text.replace(/\/+$/, '');
  throw new ConnectionError(
    `--api-url must use https:// (plain http:// is allowed only for 127.0.0.1, localhost and [::1]); got \`${url.protocol}//${url.host}\``,
  );
}

/** Replaces every occurrence of the token: the last line of defence for anything printed. */
export function redactToken(text: string, token: string | null): string {
  return token && token.length >= 4 ? text.split(token).join('***') : text;
}
