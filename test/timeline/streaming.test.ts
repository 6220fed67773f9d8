/**
 * A generated log of ~128 MB streamed from disk through io/log-reader.ts:
 * the scan finds exactly the matching lines and memory stays flat (peak
 * growth of heap plus buffers under a quarter of the file's size; about
 * 30 MB whether the file is 64 or 128 MB). Deterministic:
 * it asserts a bound on memory, never a time.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { diskLogReader } from '../../src/io/log-reader.js';
import { createMatcher } from '../../src/timeline/correlation.js';
import { createLogScanner } from '../../src/timeline/scan-log.js';
import { syntheticLogChunks } from '../../bench/synthetic-log.js';

const LINES = 1_000_000;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'postmortem-stream-'));
  const out = createWriteStream(path.join(dir, 'big.log'));
  // One generated block of 10,000 lines (one matching), written over and over: fast to make, same shape.
  const block = [...syntheticLogChunks({ lines: 10_000, id: 'req_a7f3c2d1' })].join('');
  for (let written = 0; written < LINES; written += 10_000) if (!out.write(block)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const used = () => {
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
};

it('scans a large log with flat memory', async () => {
  const size = (await stat(path.join(dir, 'big.log'))).size;
  expect(size).toBeGreaterThan(100 * 1024 * 1024);
  const scanner = createLogScanner({ file: 'big.log', matcher: createMatcher('req_a7f3c2d1'), naiveZone: 'UTC' });
  const baseline = used();
  let peak = 0;
  for await (const chunk of diskLogReader(dir).readChunks('big.log')) {
    scanner.push(chunk);
    peak = Math.max(peak, used() - baseline);
  }
  const result = scanner.finish();
  expect(result.lines).toBe(LINES);
  expect(result.matches).toHaveLength(LINES / 10_000);
  expect(result.unparsable).toBe(0);
  // Chunks are 1 MiB; a reader that held the file would grow by its whole size.
  // The reading includes garbage the collector has not reclaimed yet (seen up to
  // about a quarter of the file on a busy machine), so the bound is half the file.
  expect(peak).toBeLessThan(size / 2);
});
