/**
 * Builds the title and body of an action item's issue. User text lands in
 * Markdown that GitHub renders, so it is escaped: HTML is shown as text (and
 * cannot fake a marker), `@name` in incident prose does not ping anyone, and
 * a body past GitHub's limit is shortened rather than rejected. The file
 * name links to the post-mortem on the repository's default branch.
 *
 * @example
 * const body = buildIssueBody(item, 'open', { webUrl: 'https://github.com/acme/platform', defaultBranch: 'main' });
 * // '… - Post-mortem: [`postmortems/a.yaml`](https://github.com/acme/platform/blob/main/postmortems/a.yaml) …'
 */
import { escapeIssueText } from '../render/escape.js';
import { formatMarker } from './marker.js';
import type { ActionStatus } from '../incident/model.js';
import type { SyncItem } from './sync-item.js';
import type { RepositoryInfo } from './tracker.js';

/** GitHub refuses bodies longer than this many characters. */
export const MAX_BODY_LENGTH = 65_536;
/** GitHub titles are limited to 256 characters. */
export const MAX_TITLE_LENGTH = 256;
const SHORTENED_NOTE = '\n\n_(shortened: the full text is in the post-mortem file)_\n\n';

/** The issue title: the action text on one line, within GitHub's limit. */
export function buildIssueTitle(item: Pick<SyncItem, 'action'>): string {
  const line = item.action.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_TITLE_LENGTH ? line : `${line.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}

/** The issue body: a link back to the post-mortem, the item's fields, and the marker last. */
export function buildIssueBody(item: SyncItem, status: ActionStatus, repository: RepositoryInfo | null = null): string {
  const e = escapeIssueText;
  const url = repository ? fileUrl(repository, item.file) : null;
  const lines = [
    `Action item from the post-mortem **${e(item.incidentTitle)}** (${e(item.severity)}, ${e(item.date)}).`,
    '',
    `- Post-mortem: ${url ? `[${code(item.file)}](${url})` : code(item.file)} (incident ${code(item.incidentId)}, action ${code(item.actionId)})`,
    `- Owner: ${item.owner === null ? '_none_' : e(item.owner)}`,
    `- Deadline: ${item.deadline === null ? '_none_' : e(item.deadline)}`,
    `- Priority: ${item.priority ?? '_none_'}`,
    `- Type: ${item.type ?? '_none_'}`,
    '',
    '**Action**',
    '',
    e(item.action.trim()),
  ];
  return fitBody(lines.join('\n'), formatMarker({ incident: item.incidentId, action: item.actionId, status }));
}

/**
 * The file on the default branch, every path segment percent-encoded (and
 * parentheses too, which would end a Markdown link); null for a path outside
 * the repository, which has no page.
 */
export function fileUrl(repository: RepositoryInfo, file: string): string | null {
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file) || file.split('/').includes('..')) return null;
  const encode = (text: string) =>
    text
      .split('/')
      .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
      .join('/');
  return `${repository.webUrl}/blob/${encode(repository.defaultBranch)}/${encode((repository.pathPrefix ?? '') + file)}`;
}

/** Inline code: backticks inside would end it early, and line breaks would split it. */
function code(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, "'")}\``;
}

/** Shortens the visible part so that text + marker stay within the limit; the marker is never cut. */
export function fitBody(text: string, marker: string): string {
  const tail = `\n\n${marker}`;
  if (text.length + tail.length <= MAX_BODY_LENGTH) return `${text}${tail}`;
  const room = MAX_BODY_LENGTH - tail.length - SHORTENED_NOTE.length;
  let cut = text.slice(0, room);
  // Do not leave half an escape (`&am`) or a lone surrogate at the cut.
  cut = cut.replace(/&[a-z]{0,4}$/, '').replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}${SHORTENED_NOTE.trimEnd()}${tail}`;
}

/** Bodies compare equal when GitHub only changed line endings or trailing space. */
export function sameBody(a: string | null, b: string | null): boolean {
  const norm = (s: string | null) => (s ?? '').replace(/\r\n/g, '\n').trimEnd();
  return norm(a) === norm(b);
}
