/**
 * `postmortem report` over N synthetic incidents (N = 1,000 and 10,000),
 * each run in a fresh process so that peak memory is its own: check every
 * file, read git (none here: a temp folder), aggregate, render the page (md)
 * or the JSON, write it. Prints the median wall time of several runs, ms per
 * incident (flat when the cost is linear) and peak RSS. Targets on a 2-core
 * machine: 1,000 in < 1 s; 10,000 in < 10 s and < 1 GB. The md and json rows
 * are cold (`POSTMORTEM_CACHE=off`); `md (warm cache)` runs with the check cache
 * filled by one untimed run before.
 */
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, median } from './stats.js';
import { writeSyntheticRepo } from './synthetic.js';

const worker = fileURLToPath(new URL('./report-worker.ts', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export interface Sample {
  ms: number;
  cpuMs: number;
  incidents: number;
  failed: number;
  bytes: number;
  maxRssMb: number;
}

/** One report run in a fresh process (report-worker.ts); the speed summary uses it too. */
/** One report run; cold (`POSTMORTEM_CACHE=off`) unless `env` names a check cache folder. */
export function runReportWorker(root: string, format: string, env: Record<string, string> = { POSTMORTEM_CACHE: 'off' }): Sample {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', worker, root, format], { encoding: 'utf8', env: { ...process.env, ...env } })) as Sample;
}

export async function run(): Promise<void> {
  console.log(`report; median of ${RUNS} runs, time measured inside the worker after module loading; peak RSS of the worker`);
  console.log('N'.padStart(6), 'format'.padEnd(16), 'median wall'.padStart(12), 'ms/incident'.padStart(12), 'peak RSS'.padStart(10), 'output'.padStart(10));
  for (const n of SIZES) {
    const root = await writeSyntheticRepo(n, 'report-bench');
    const cached = { POSTMORTEM_CACHE: 'on', POSTMORTEM_CACHE_DIR: path.join(root, 'check-cache') };
    for (const [label, format, env] of [
      ['md', 'md'],
      ['json', 'json'],
      ['md (warm cache)', 'md', cached],
    ] as const) {
      const samples: Sample[] = [];
      if (env) runReportWorker(root, format, env);
      for (let r = 0; r < RUNS; r++) samples.push(runReportWorker(root, format, env));
      if (samples.some((s) => s.failed > 0 || s.incidents !== n)) throw new Error('synthetic incidents failed validation');
      const wall = median(samples.map((s) => s.ms));
      const rss = Math.max(...samples.map((s) => s.maxRssMb));
      console.log(
        String(n).padStart(6),
        label.padEnd(16),
        formatMs(wall).padStart(12),
        (wall / n).toFixed(3).padStart(12),
        `${rss.toFixed(0)} MB`.padStart(10),
        `${(samples[0]!.bytes / 1024).toFixed(0)} KB`.padStart(10),
      );
    }
    await rm(root, { recursive: true, force: true });
  }
}
