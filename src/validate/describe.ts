/**
 * The words of schema diagnostics: what a value is ("the number 42", "a list
 * of 3"), what a JSON Schema type is called for people ("a whole number"),
 * and the hints for the mistakes people make most in hand-written YAML.
 */
import { showControlChars } from '../diagnostics/printable.js';

/**
 * What was found, briefly, for the `actual` of a diagnostic.
 *
 * @example
 * describeValue(42) // → 'the number 42'
 * describeValue([]) // → 'an empty list'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quoteText(value);
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

/**
 * Most type errors in hand-written YAML are unquoted text or a forgotten value.
 *
 * @example
 * typeHint('string', 42) // → 'YAML read this as a number; quote it to make it text, e.g. "42".'
 */
export function typeHint(wanted: string, value: unknown): string | undefined {
  if (wanted.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    return `YAML read this as ${typeof value === 'number' ? 'a number' : 'true/false'}; quote it to make it text, e.g. "${String(value)}".`;
  }
  if (value === null) return 'Write a value after the colon, or remove the key.';
  return undefined;
}

/**
 * The known fields, briefly: a long list does not help someone fixing one typo.
 *
 * @example
 * knownFieldsText(['time', 'event', 'type'], null) // → 'one of `time`, `event`, `type`'
 */
export function knownFieldsText(known: readonly string[], guess: string | null): string {
  const quoted = known.map((k) => `\`${k}\``);
  if (known.length === 0) return 'no fields here (only `x-` keys)';
  if (known.length <= 6) return `one of ${quoted.join(', ')}`;
  if (guess) return `a known field such as \`${guess}\` (${known.length} fields; see docs/format.md)`;
  return `one of ${known.length} known fields (${quoted.slice(0, 4).join(', ')}, …; see docs/format.md)`;
}

/**
 * A JSON Schema type as people say it.
 *
 * @example
 * article('integer') // → 'a whole number'
 */
export function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    array: 'a list',
    object: 'a mapping',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

/**
 * User text quoted for a message: in backticks, on one line (control
 * characters escaped), and cut at `max` characters, so that a pasted log
 * line or a stray newline cannot break the output of any format.
 *
 * @example
 * quoteText('SEV\n9') // → '`SEV\\n9`'
 */
export function quoteText(value: string, max = 60): string {
  // A backtick would close the quote early: it is shown as an apostrophe.
  const oneLine = showControlChars(value).replace(/`/g, "'");
  return `\`${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}\``;
}
