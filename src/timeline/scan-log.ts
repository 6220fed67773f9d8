/**
 * Scans a log in chunks, as it streams in, for the lines of one correlation
 * id. Only lines that contain the id's bytes are decoded and parsed (a
 * byte search, as `grep -F` does), so a large log costs little more than
 * reading it; every line is still counted, for `source: file:line`.
 * Memory is bounded by the chunk size and `maxLineBytes`, never by the log.
 *
 * @example
 * const scanner = createLogScanner({ file: 'logs/gateway.log', matcher: createMatcher('req_1'), naiveZone: 'UTC' });
 * for await (const chunk of stream) scanner.push(chunk);
 * const { matches, unparsable } = scanner.finish();
 */
import type { CorrelationMatcher } from './correlation.js';
import type { LogRecord } from './log-record.js';
import { readLogLine } from './parse-line.js';

export interface ScanOptions {
  /** As shown in `source:` and diagnostics. */
  file: string;
  matcher: CorrelationMatcher;
  /** The zone for times written without one. */
  naiveZone: string;
  /** Longer lines are skipped and counted (default 1 MiB). */
  maxLineBytes?: number;
}

export interface MatchedLine {
  /** 1-based. */
  line: number;
  record: LogRecord;
}

export interface ScanResult {
  file: string;
  matches: MatchedLine[];
  /** Lines read in all. */
  lines: number;
  /** Lines with the id whose shape or time could not be read; the first few line numbers in `unparsableLines`. */
  unparsable: number;
  unparsableLines: number[];
  /** Lines skipped for being longer than `maxLineBytes`. */
  tooLong: number;
}

export interface LogScanner {
  push(chunk: Uint8Array): void;
  finish(): ScanResult;
}

const NEWLINE = 0x0a;
const SAMPLE = 5;

export function createLogScanner(options: ScanOptions): LogScanner {
  const needle = Buffer.from(options.matcher.id, 'utf8');
  const maxLineBytes = options.maxLineBytes ?? 1024 * 1024;
  const result: ScanResult = { file: options.file, matches: [], lines: 0, unparsable: 0, unparsableLines: [], tooLong: 0 };
  // The unfinished last line of the previous chunk; `overflow` once it passed the limit.
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let overflow = false;

  function consider(buffer: Buffer, start: number, end: number, lineNumber: number): void {
    if (end > start && buffer[end - 1] === 0x0d) end -= 1;
    const reading = readLogLine(buffer.toString('utf8', start, end), options.matcher, options.naiveZone);
    if (reading.kind === 'record') result.matches.push({ line: lineNumber, record: reading.record });
    else if (reading.kind === 'unparsable') {
      result.unparsable += 1;
      if (result.unparsableLines.length < SAMPLE) result.unparsableLines.push(lineNumber);
    }
  }

  /** Whole lines in buffer[start, end): `end` is just past a newline. */
  function scanLines(buffer: Buffer, start: number, end: number): void {
    let position = start;
    while (position < end) {
      const hit = buffer.indexOf(needle, position);
      if (hit === -1 || hit >= end) {
        result.lines += countNewlines(buffer, position, end);
        return;
      }
      const lineStart = Math.max(position, buffer.lastIndexOf(NEWLINE, hit) + 1);
      result.lines += countNewlines(buffer, position, lineStart);
      const lineEnd = buffer.indexOf(NEWLINE, hit);
      result.lines += 1;
      if (lineEnd - lineStart > maxLineBytes) result.tooLong += 1;
      else consider(buffer, lineStart, lineEnd, result.lines);
      position = lineEnd + 1;
    }
  }

  /** The carried line, completed by `head` (which ends at its newline, or is the end of the log). */
  function finishCarried(head: Buffer): void {
    if (!overflow && carryBytes + head.length > maxLineBytes) overflow = true;
    result.lines += 1;
    if (overflow) result.tooLong += 1;
    else {
      const line = Buffer.concat([...carry, head]);
      if (line.indexOf(needle) !== -1) consider(line, 0, line.length, result.lines);
    }
    carry = [];
    carryBytes = 0;
    overflow = false;
  }

  return {
    push(chunk) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const first = buffer.indexOf(NEWLINE);
      if (first === -1) {
        keep(buffer);
        return;
      }
      let start = 0;
      if (carryBytes > 0 || overflow) {
        finishCarried(buffer.subarray(0, first));
        start = first + 1;
      }
      const last = buffer.lastIndexOf(NEWLINE);
      scanLines(buffer, start, last + 1);
      if (last + 1 < buffer.length) keep(buffer.subarray(last + 1));
    },
    finish() {
      if (carryBytes > 0 || overflow) finishCarried(Buffer.alloc(0));
      return result;
    },
  };

  function keep(part: Buffer): void {
    if (overflow) return;
    if (carryBytes + part.length > maxLineBytes) {
      overflow = true;
      carry = [];
      carryBytes = 0;
      return;
    }
    // A copy: the stream may reuse or the caller may keep the chunk.
    carry.push(Buffer.from(part));
    carryBytes += part.length;
  }
}

function countNewlines(buffer: Buffer, start: number, end: number): number {
  let count = 0;
  for (let at = buffer.indexOf(NEWLINE, start); at !== -1 && at < end; at = buffer.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}
