/**
 * Log scanning throughput: a generated log (default 1 GB, `BENCH_TIMELINE_MB`
 * to change it) of plain and JSON lines, 1 in 10,000 carrying the id, in a
 * temporary folder; the timeline scan (io/log-reader.ts + timeline/scan-log.ts,
 * as `postmortem timeline` runs it) against `grep -F <id>` on the same file in
 * the same run. Medians of 3; peak memory growth while scanning. The file is
 * deleted afterwards.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diskLogReader } from '../src/io/log-reader.js';
import { createMatcher } from '../src/timeline/correlation.js';
import { createLogScanner } from '../src/timeline/scan-log.js';
import { syntheticLogChunks } from './synthetic-log.js';
import { formatMs, medianMs } from './stats.js';

const ID = 'req_a7f3c2d1';
const MB = 1024 * 1024;

export async function run(): Promise<void> {
  const targetBytes = Number(process.env.BENCH_TIMELINE_MB ?? 1024) * MB;
  const dir = await mkdtemp(path.join(tmpdir(), 'postmortem-bench-timeline-'));
  const file = path.join(dir, 'big.log');
  try {
    const block = [...syntheticLogChunks({ lines: 10_000, id: ID })].join('');
    const out = createWriteStream(file);
    for (let written = 0; written < targetBytes; written += Buffer.byteLength(block)) if (!out.write(block)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const size = (await stat(file)).size;
    console.log(`log: ${(size / MB).toFixed(0)} MB, plain and JSON lines, 1 in 10,000 matching`);

    let matches = 0;
    let peakGrowth = 0;
    const scan = async () => {
      const baseline = process.memoryUsage().rss;
      const scanner = createLogScanner({ file: 'big.log', matcher: createMatcher(ID), naiveZone: 'UTC' });
      for await (const chunk of diskLogReader(dir).readChunks('big.log')) {
        scanner.push(chunk);
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().rss - baseline);
      }
      matches = scanner.finish().matches.length;
    };
    await scan(); // warm the page cache, so both tools read from memory
    const scanMs = await medianMs(3, scan);
    const grepMs = await medianMs(3, () => grep(file));
    const throughput = size / MB / (scanMs / 1000);
    console.log(`timeline scan: ${formatMs(scanMs)} (${throughput.toFixed(0)} MB/s, target >= 100 MB/s), ${matches} matching lines`);
    console.log(
      `grep -F:       ${formatMs(grepMs)} (${(size / MB / (grepMs / 1000)).toFixed(0)} MB/s); scan takes ${(scanMs / grepMs).toFixed(2)}x grep's time`,
    );
    console.log(`peak memory growth while scanning (RSS): ${(peakGrowth / MB).toFixed(1)} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function grep(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Output goes to a pipe we drain: GNU grep stops at the first match when its output is /dev/null.
    const child = spawn('grep', ['-F', ID, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`grep exited ${code}`))));
  });
}
