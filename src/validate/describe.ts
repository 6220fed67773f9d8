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
 * Where a number belongs, text or a fraction: the number written alone when
 * the text holds one (`"1,200 users"` → `1200`), else what to write, with the
 * field's own key in the example.
 *
 * @example
 * numberHint('integer', 'many', 'users_affected') // → { note: 'Write a whole number without quotes, e.g. `users_affected: 250`; …' }
 * numberHint('integer', '1,200', 'users_affected') // → { note: '… `users_affected: 1200`.', suggestion: '1200' }
 */
export function numberHint(wanted: string, value: unknown, key: string | null): { note: string; suggestion?: string } | undefined {
  if (wanted !== 'integer' && wanted !== 'number') return undefined;
  const whole = wanted === 'integer';
  const field = key ?? 'value';
  if (typeof value === 'number' && whole && !Number.isInteger(value) && Number.isFinite(value)) {
    const rounded = String(Math.round(value));
    return { note: `Write a whole number: \`${field}: ${rounded}\`.`, suggestion: rounded };
  }
  if (typeof value !== 'string') return undefined;
  const found = numberIn(value, whole);
  if (found !== null) return { note: `Write the number alone, without quotes, units or separators: \`${field}: ${found}\`.`, suggestion: found };
  return {
    note: `Write ${whole ? 'a whole number' : 'a number'} without quotes, e.g. \`${field}: ${whole ? '250' : '12.5'}\`; an estimate will do, or leave the field out when there is none.`,
  };
}

/** The one number in a text (`~1,200 users`, `5%`, `$3,000.50`), or null for none, several, or a fraction where a whole number belongs. */
function numberIn(text: string, whole: boolean): string | null {
  const numbers = text.match(/\d[\d,_]*(?:\.\d+)?/g) ?? [];
  if (numbers.length !== 1) return null;
  const written = numbers[0]!;
  // `1,200` and `1_200` group thousands; `1,5` is a decimal comma, which is not guessed at.
  if (/[,_]/.test(written) && !/^\d{1,3}([,_]\d{3})+(\.\d+)?$/.test(written)) return null;
  const plain = written.replace(/[,_]/g, '');
  return whole && plain.includes('.') ? null : plain;
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
