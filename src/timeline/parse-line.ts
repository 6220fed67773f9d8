/**
 * Reads one log line in whichever format it is written: a JSON object
 * (structlog, pino, bunyan, OpenTelemetry log records), logfmt
 * (`time=… level=info msg="…" request_id=…`), or a plain line that starts
 * with a time (`2024-01-15 10:23:45 INFO [gateway] request_id=… message`).
 * Formats may be mixed within one file.
 *
 * @example
 * readLogLine('2024-01-15 10:23:45 ERROR request_id=req_1 payment declined', createMatcher('req_1'), 'UTC')
 * // → { kind: 'record', record: { level: 'error', message: 'payment declined', … } }
 */
import { fieldKey, type CorrelationMatcher } from './correlation.js';
import { normalizeLevel } from './log-level.js';
import { correlationIn, LEVEL_FIELDS, recordFromFields, SERVICE_FIELDS, type LineReading } from './log-record.js';
import { parseLogTimestamp } from './log-time.js';

const PLAIN_LINE =
  /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:\s?(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)\]?\s+(?:\[?([A-Za-z]{3,11})\]?\s+)?(?:\[([\w.-]+)\]\s+)?(.*)$/;
const LOGFMT_START = /^[A-Za-z_@][\w.@-]*=/;
const PAIR = /([A-Za-z_@][\w.@-]*)=("(?:[^"\\]|\\.)*"|\S*)/g;

export function readLogLine(line: string, matcher: CorrelationMatcher, naiveZone: string): LineReading {
  const text = line.trim();
  if (text.startsWith('{')) return readJsonLine(text, matcher, naiveZone);
  if (LOGFMT_START.test(text)) return recordFromFields(parseLogfmt(text).fields, matcher, naiveZone);
  return readPlainLine(text, matcher, naiveZone);
}

function readJsonLine(text: string, matcher: CorrelationMatcher, naiveZone: string): LineReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'unparsable' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'unparsable' };
  return recordFromFields(value as Record<string, unknown>, matcher, naiveZone);
}

/** `key=value` and `key="quoted \" value"` pairs, and the text between them (the message of a plain line). */
export function parseLogfmt(text: string): { fields: Record<string, string>; rest: string } {
  const fields: Record<string, string> = {};
  let rest = '';
  let last = 0;
  for (const match of text.matchAll(PAIR)) {
    const raw = match[2]!;
    fields[match[1]!] = raw.startsWith('"') ? unquote(raw) : raw;
    rest += text.slice(last, match.index);
    last = match.index + match[0].length;
  }
  rest += text.slice(last);
  return { fields, rest: rest.replace(/\s+/g, ' ').trim() };
}

function unquote(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

function readPlainLine(text: string, matcher: CorrelationMatcher, naiveZone: string): LineReading {
  const match = PLAIN_LINE.exec(text);
  // The line has the id's bytes (the scanner saw to that) but no shape this reader knows.
  if (!match) return { kind: 'unparsable' };
  const body = match[4]!;
  const { fields } = parseLogfmt(body);
  const correlationId = correlationIn(fields, matcher);
  if (correlationId === null) return { kind: 'other' };
  const instant = parseLogTimestamp(match[1], naiveZone);
  if (instant === null) return { kind: 'unparsable' };
  const levelWord = match[2] ? normalizeLevel(match[2]) : null;
  const serviceKey = Object.keys(fields).find((name) => SERVICE_FIELDS.some((known) => fieldKey(known) === fieldKey(name)));
  const levelKey = Object.keys(fields).find((name) => LEVEL_FIELDS.some((known) => fieldKey(known) === fieldKey(name)));
  // The message keeps the other pairs (`status=502`); only the ones shown as fields of the entry go.
  const shown = new Set([...Object.keys(fields).filter((name) => matcher.keys.has(fieldKey(name))), serviceKey, levelKey]);
  let message = body
    .replace(PAIR, (pair, name: string) => (shown.has(name) ? '' : pair))
    .replace(/\s+/g, ' ')
    .trim();
  // A word after the time that is not a level is the start of the message.
  if (levelWord === null && match[2]) message = `${match[2]} ${message}`.trim();
  return {
    kind: 'record',
    record: {
      instant,
      level: levelWord ?? (levelKey ? normalizeLevel(fields[levelKey]) : null),
      service: match[3] ?? (serviceKey ? fields[serviceKey]! : null),
      message,
      correlationId,
    },
  };
}
