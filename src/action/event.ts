/**
 * The parts of the workflow's event payload the Action needs: which pull
 * request this is, who opened it, and the base and head commits. Any event
 * that carries a `pull_request` object counts (pull_request,
 * pull_request_target, pull_request_review); anything else is a push or a
 * schedule, checked as a whole.
 *
 * @example
 * readPullRequest(JSON.parse(payload)) // → { number: 42, author: 'dana', baseSha: 'abc…', headSha: 'def…' } | null
 */

export interface PullRequestEvent {
  number: number;
  author: string;
  baseSha: string;
  headSha: string;
  /** True when the head branch lives in another repository (a fork): its token cannot write. */
  fromFork: boolean;
}

type Loose = Record<string, unknown>;
const record = (value: unknown): Loose | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The pull request of the payload, or null when the event is not about one (or the payload is damaged). */
export function readPullRequest(payload: unknown): PullRequestEvent | null {
  const pull = record(record(payload)?.pull_request);
  if (!pull || typeof pull.number !== 'number' || !Number.isSafeInteger(pull.number) || pull.number < 1) return null;
  const base = record(pull.base);
  const head = record(pull.head);
  const baseRepo = text(record(base?.repo)?.full_name);
  const headRepo = text(record(head?.repo)?.full_name);
  return {
    number: pull.number,
    author: text(record(pull.user)?.login) ?? '',
    baseSha: text(base?.sha) ?? '',
    headSha: text(head?.sha) ?? '',
    fromFork: baseRepo !== null && headRepo !== null && baseRepo !== headRepo,
  };
}

/** Parses the event file's text; a missing or unreadable payload is an empty event. */
export function parseEventPayload(textOrNull: string | null): unknown {
  if (textOrNull === null) return {};
  try {
    return JSON.parse(textOrNull) as unknown;
  } catch {
    return {};
  }
}
