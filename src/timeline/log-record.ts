/**
 * What every log format is read into: one record per line, with the fields
 * the timeline needs picked out under the names each logging library uses.
 * Reading stays pure and line-at-a-time; the scanner decides which lines
 * are worth reading at all.
 */
import { matchingValue, NESTED_FIELD_HOLDERS, type CorrelationMatcher } from './correlation.js';
import { normalizeLevel, type LogLevel } from './log-level.js';
import { parseLogTimestamp } from './log-time.js';

export interface LogRecord {
  /** Epoch milliseconds. */
  instant: number;
  level: LogLevel | null;
  /** Null when the line does not say; the caller falls back to the file's name. */
  service: string | null;
  message: string;
  /** The correlation value that matched (the id or a child of it). */
  correlationId: string;
}

/** A line that matched: the record, or `unparsable` when it has the id but no readable time or shape. */
export type LineReading = { kind: 'record'; record: LogRecord } | { kind: 'unparsable' } | { kind: 'other' };

// Names tried in order; the first present wins. Dotted names are literal keys (`service.name`).
export const TIME_FIELDS = ['timestamp', 'time', 'ts', '@timestamp', 'timeUnixNano', 'observedTimeUnixNano', 'date', 'datetime', 't'];
export const LEVEL_FIELDS = ['level', 'severityText', 'severity', 'levelname', 'log.level', 'lvl', 'severityNumber'];
export const MESSAGE_FIELDS = ['msg', 'message', 'body', 'event', 'text'];
export const SERVICE_FIELDS = ['service', 'service.name', 'serviceName', 'app', 'component', 'logger', 'name'];

/** Flattens OpenTelemetry's `[{key, value: {stringValue}}]` attribute lists into a plain record. */
export function attributeRecord(value: unknown): Record<string, unknown> | null {
  if (Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const item of value) {
      const pair = item as { key?: unknown; value?: unknown } | null;
      if (pair && typeof pair.key === 'string') out[pair.key] = anyValue(pair.value);
    }
    return out;
  }
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/** OpenTelemetry wraps values as `{stringValue: …}` / `{intValue: …}`; plain values pass through. */
export function anyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const wrapped = value as Record<string, unknown>;
  for (const key of ['stringValue', 'intValue', 'doubleValue', 'boolValue']) if (key in wrapped) return wrapped[key];
  return value;
}

/**
 * Builds the record from a line's fields (a JSON object or logfmt pairs).
 * `other` when no correlation field matches; `unparsable` when one does but
 * the time cannot be read.
 */
export function recordFromFields(fields: Record<string, unknown>, matcher: CorrelationMatcher, naiveZone: string): LineReading {
  const nested = nestedRecords(fields);
  const correlationId = correlationIn(fields, matcher);
  if (correlationId === null) return { kind: 'other' };
  const timeField = TIME_FIELDS.find((name) => fields[name] !== undefined);
  const instant = timeField === undefined ? null : parseLogTimestamp(fields[timeField], naiveZone);
  if (instant === null) return { kind: 'unparsable' };
  const levelField = LEVEL_FIELDS.find((name) => fields[name] !== undefined);
  const resource = attributeRecord((fields.resource as { attributes?: unknown } | undefined)?.attributes);
  const service = firstText([fields, ...nested, ...(resource ? [resource] : [])], SERVICE_FIELDS);
  return {
    kind: 'record',
    record: {
      instant,
      level: levelField === undefined ? null : normalizeLevel(anyValue(fields[levelField]), levelField),
      service,
      message: firstText([fields], MESSAGE_FIELDS) ?? '',
      correlationId,
    },
  };
}

/** The matching correlation value at the top level or under `attributes` / `labels`, else null. */
export function correlationIn(fields: Record<string, unknown>, matcher: CorrelationMatcher): string | null {
  let value = matchingValue(fields, matcher);
  for (const record of nestedRecords(fields)) value ??= matchingValue(record, matcher);
  return value;
}

function nestedRecords(fields: Record<string, unknown>): Array<Record<string, unknown>> {
  return NESTED_FIELD_HOLDERS.map((holder) => attributeRecord(fields[holder])).filter((r): r is Record<string, unknown> => r !== null);
}

function firstText(records: ReadonlyArray<Record<string, unknown>>, names: readonly string[]): string | null {
  for (const name of names) {
    for (const record of records) {
      const value = anyValue(record[name]);
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return null;
}
