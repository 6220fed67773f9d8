/**
 * One line in each format the timeline reads, and the record it gives.
 * Times are epoch milliseconds; `naive` lines are read in Europe/Berlin
 * (UTC+1 in January).
 */
import { describe, expect, it } from 'vitest';
import { createMatcher, isSameOrChild } from '../../src/timeline/correlation.js';
import { normalizeLevel } from '../../src/timeline/log-level.js';
import { formatInZone, parseLogTimestamp } from '../../src/timeline/log-time.js';
import { readLogLine } from '../../src/timeline/parse-line.js';

const T = Date.UTC(2024, 0, 15, 10, 23, 45);
const matcher = createMatcher('req_1');

describe('readLogLine', () => {
  it.each([
    [
      'pino',
      '{"level":50,"time":1705314225000,"name":"orders","request_id":"req_1","msg":"declined"}',
      { instant: T, level: 'error', service: 'orders', message: 'declined' },
    ],
    [
      'bunyan',
      '{"name":"orders","hostname":"h","pid":1,"level":40,"request_id":"req_1","msg":"slow","time":"2024-01-15T10:23:45.000Z","v":0}',
      { instant: T, level: 'warn', service: 'orders', message: 'slow' },
    ],
    [
      'structlog',
      '{"event":"cache miss","level":"debug","timestamp":"2024-01-15T10:23:45.250Z","correlation_id":"req_1"}',
      { instant: T + 250, level: 'debug', service: null, message: 'cache miss' },
    ],
    [
      'OpenTelemetry',
      '{"timeUnixNano":"1705314225000000000","severityNumber":13,"body":{"stringValue":"retry"},"attributes":[{"key":"request_id","value":{"stringValue":"req_1"}}],"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"pay"}}]}}',
      { instant: T, level: 'warn', service: 'pay', message: 'retry' },
    ],
    [
      'OpenTelemetry trace id',
      '{"timeUnixNano":1705314225000000000,"severityText":"INFO","body":"ok","traceId":"req_1"}',
      { instant: T, level: 'info', message: 'ok' },
    ],
    ['labels', '{"time":1705314225,"severity":"ERROR","message":"m","labels":{"x-request-id":"req_1"}}', { instant: T, level: 'error', message: 'm' }],
    ['epoch microseconds', '{"ts":1705314225000000,"request_id":"req_1","msg":"m"}', { instant: T }],
    ['naive ISO', '{"timestamp":"2024-01-15 11:23:45","request_id":"req_1","msg":"m"}', { instant: T }],
    [
      'logfmt',
      'ts=2024-01-15T10:23:45Z level=warning service=inv request_id=req_1_inv msg="pool: 50 busy"',
      { instant: T, level: 'warn', service: 'inv', message: 'pool: 50 busy', correlationId: 'req_1_inv' },
    ],
    [
      'plain, naive',
      '2024-01-15 11:23:45 INFO request_id=req_1 payment declined amount=12',
      { instant: T, level: 'info', service: null, message: 'payment declined amount=12' },
    ],
    [
      'plain, service',
      '2024-01-15 11:23:45,120 ERROR [gateway] request_id=req_1 timeout',
      { instant: T + 120, level: 'error', service: 'gateway', message: 'timeout' },
    ],
    ['plain, offset', '[2024-01-15T12:23:45+02:00] WARN request_id=req_1:child retry', { instant: T, level: 'warn', correlationId: 'req_1:child' }],
    ['plain, no level', '2024-01-15T10:23:45Z request_id=req_1 started', { instant: T, level: null, message: 'started' }],
  ])('%s', (_name, line, expected) => {
    const reading = readLogLine(line, matcher, 'Europe/Berlin');
    expect(reading.kind).toBe('record');
    expect(reading.kind === 'record' ? reading.record : null).toMatchObject(expected);
  });

  it.each([
    ['another id sharing the prefix', '2024-01-15 11:23:45 INFO request_id=req_10 x', 'other'],
    ['the id in the message only', '2024-01-15 11:23:45 INFO user=u1 saw req_1', 'other'],
    ['the id in a field not configured', '{"time":1705314225,"order":"req_1"}', 'other'],
    ['broken JSON', '{"time":1705314225,"request_id":"req_1"', 'unparsable'],
    ['no time', '{"request_id":"req_1","msg":"m"}', 'unparsable'],
    ['an unreadable time', '{"time":"yesterday","request_id":"req_1"}', 'unparsable'],
    ['free text', 'something about req_1 happened', 'unparsable'],
    ['a skipped local time', '2024-03-31 02:30:00 INFO request_id=req_1 x', 'unparsable'],
  ])('%s: %s', (_name, line, kind) => {
    expect(readLogLine(line, matcher, 'Europe/Berlin').kind).toBe(kind);
  });

  it('reads the configured field names, also nested', () => {
    const custom = createMatcher('o-9', ['order_id']);
    expect(readLogLine('{"time":1705314225,"attributes":{"orderId":"o-9.2"}}', custom, 'UTC')).toMatchObject({
      kind: 'record',
      record: { correlationId: 'o-9.2' },
    });
  });
});

describe('isSameOrChild', () => {
  it.each([
    ['req_a7f3c2d1', true],
    ['req_a7f3c2d1_inventory', true],
    ['req_a7f3c2d1-2', true],
    ['req_a7f3c2d1.retry', true],
    ['req_a7f3c2d1:payments', true],
    ['req_a7f3c2d10', false],
    ['req_a7f3c2d', false],
    ['xreq_a7f3c2d1', false],
  ])('%s → %s', (value, expected) => {
    expect(isSameOrChild(value, 'req_a7f3c2d1')).toBe(expected);
  });
});

describe('times and levels', () => {
  it.each([
    [1705314225, T],
    [1705314225.5, T + 500],
    [1705314225000, T],
    ['1705314225000000000', T],
    ['2024-01-15T10:23:45Z', T],
    ['2024-01-15T10:23:45.123456789+00:00', T + 123],
    ['2024-01-15 10:23:45 UTC', T],
    ['2024-01-15T11:23:45+0100', T],
    ['not a time', null],
    [-5, null],
  ])('%s → %s', (value, expected) => {
    expect(parseLogTimestamp(value, 'UTC')).toBe(expected);
  });

  it('writes instants in the incident zone with its offset', () => {
    expect(formatInZone(T, 'Europe/Berlin')).toBe('2024-01-15T11:23:45+01:00');
    expect(formatInZone(T + 120, 'America/New_York')).toBe('2024-01-15T05:23:45.120-05:00');
    expect(formatInZone(T, 'Asia/Kolkata')).toBe('2024-01-15T15:53:45+05:30');
  });

  it.each([
    [30, 'level', 'info'],
    [60, 'level', 'fatal'],
    [17, 'severityNumber', 'error'],
    [9, 'severityNumber', 'info'],
    ['CRITICAL', 'levelname', 'fatal'],
    ['Warning', 'level', 'warn'],
    ['verbose-ish', 'level', null],
  ])('%s (%s) → %s', (value, field, expected) => {
    expect(normalizeLevel(value, field)).toBe(expected);
  });
});
