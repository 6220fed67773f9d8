/**
 * The Action's inputs, read and checked before anything runs: a bad value
 * fails the step with one message naming the input and what it accepts.
 * Pure: the caller passes a reader (the runner's `INPUT_*` variables).
 *
 * @example
 * parseActionInputs((name) => ({ command: 'check', 'fail-on': 'warning' })[name] ?? '');
 * // → { ok: true, inputs: { command: 'check', failOn: 'warning', paths: [], comment: true, … } }
 */

export const ACTION_COMMANDS = ['check', 'sync', 'report'] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  command: ActionCommand;
  /** Files or folders to read; empty means the configured incidents folder. */
  paths: string[];
  /** Empty when no token was given (nothing that needs GitHub runs then). */
  token: string;
  failOn: FailOn;
  /** Keep one pull-request comment up to date (check on a pull request). */
  comment: boolean;
  /** Commit the files the run changed (sync, report). */
  commit: boolean;
}

export type ParsedInputs = { ok: true; inputs: ActionInputs } | { ok: false; error: string };

/** Reads every input; the first bad one is the error. */
export function parseActionInputs(read: (name: string) => string): ParsedInputs {
  const get = (name: string) => read(name).trim();
  const command = get('command') || 'check';
  if (!isOneOf(command, ACTION_COMMANDS)) return fail('command', command, ACTION_COMMANDS);
  const failOn = get('fail-on') || 'error';
  if (!isOneOf(failOn, FAIL_ON)) return fail('fail-on', failOn, FAIL_ON);
  const comment = parseBoolean(get('comment'), true);
  if (comment === null) return fail('comment', get('comment'), ['true', 'false']);
  const commit = parseBoolean(get('commit'), false);
  if (commit === null) return fail('commit', get('commit'), ['true', 'false']);
  return { ok: true, inputs: { command, paths: parsePaths(read('paths')), token: get('github-token'), failOn, comment, commit } };
}

/** One path per line or separated by commas, as workflow authors write lists. */
export function parsePaths(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** The YAML 1.2 core booleans, as the runner's own toolkit accepts them; null for anything else. */
function parseBoolean(text: string, fallback: boolean): boolean | null {
  if (text === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  return null;
}

function isOneOf<T extends string>(text: string, allowed: readonly T[]): text is T {
  return (allowed as readonly string[]).includes(text);
}

function fail(name: string, value: string, allowed: readonly string[]): ParsedInputs {
  // A long value is not echoed: it may be a secret pasted into the wrong input.
  const shown = value.length > 40 ? `a value of ${value.length} characters` : `\`${value}\``;
  return { ok: false, error: `Input \`${name}\` must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}; got ${shown}` };
}
