/**
 * `build` over N synthetic incidents (default 1,000 with 3 runs and 10,000
 * with 1), each case in a fresh process so that peak memory is its own:
 * a cold build (no reports on disk), a warm build and `build --check` (all
 * reports current: only reads and hashes). Each is printed as ms per
 * incident with its floor measured in the same bench run and the ratio to
 * it: for cold, parse + check + template render + atomic write of every file
 * (8 writes in flight, as the build; no layout, no related incidents, no
 * keys); for warm, reading and hashing
 * every source and report. Then the cost of an fsync per written report.
 * Targets on a 2-core machine: cold 1,000 < 3 s, 10,000 < 30 s, at most
 * 1.5x the floor. Medians; time is measured inside the worker after module
 * loading.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, median } from './stats.js';
import { syntheticIncident } from './synthetic.js';

const worker = fileURLToPath(new URL('./foundation-worker.ts', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Runs at 10,000 and above (each cold build there takes tens of seconds). */
const LARGE_RUNS = Number(process.env.BENCH_LARGE_RUNS ?? 1);

async function makeRepo(n: number): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `postmortem-bench-${n}-`));
  await mkdir(path.join(root, 'postmortems'));
  for (let i = 0; i < n; i++) {
    const { name, yaml } = syntheticIncident(i);
    await writeFile(path.join(root, 'postmortems', `${name}.yaml`), yaml);
  }
  await writeFile(path.join(root, 'postmortem.config.yaml'), 'output: reports\n');
  return root;
}

interface Sample {
  ms: number;
  maxRssMb: number;
  failed: number;
  reused: boolean;
  fsyncMs?: number;
  noFsyncMs?: number;
}

function runWorker(root: string, mode: string): Sample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', worker, root, mode], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const sample = JSON.parse(out) as Sample;
  if (sample.failed > 0) throw new Error('synthetic incidents failed validation');
  return sample;
}

const clearReports = (root: string) => rm(path.join(root, 'reports'), { recursive: true, force: true });

function row(n: number, label: string, samples: Sample[], floor: Sample[]): void {
  const wall = median(samples.map((s) => s.ms));
  const floorWall = median(floor.map((s) => s.ms));
  const rss = Math.max(...samples.map((s) => s.maxRssMb));
  console.log(
    String(n).padStart(6),
    label.padEnd(12),
    formatMs(wall).padStart(11),
    (wall / n).toFixed(3).padStart(12),
    (floorWall / n).toFixed(3).padStart(13),
    `${(wall / floorWall).toFixed(2)}x`.padStart(7),
    `${rss.toFixed(0)} MB`.padStart(9),
    samples.every((s) => s.reused) ? 'reused' : '',
  );
}

export async function run(): Promise<void> {
  console.log('build of N synthetic incidents; medians; time inside the worker after module loading; peak RSS of the worker');
  console.log(
    'N'.padStart(6),
    'case'.padEnd(12),
    'wall'.padStart(11),
    'ms/incident'.padStart(12),
    'floor ms/inc'.padStart(13),
    'ratio'.padStart(7),
    'peak RSS'.padStart(9),
  );
  for (const n of SIZES) {
    const root = await makeRepo(n);
    const runs = n >= 10_000 ? LARGE_RUNS : RUNS;
    const samples: Record<string, Sample[]> = { cold: [], warm: [], check: [], floorCold: [], floorWarm: [] };
    for (let r = 0; r < runs; r++) {
      await clearReports(root);
      samples.floorCold!.push(runWorker(root, 'floor-cold'));
      await clearReports(root);
      samples.cold!.push(runWorker(root, 'build'));
      samples.warm!.push(runWorker(root, 'build'));
      samples.check!.push(runWorker(root, 'check'));
      samples.floorWarm!.push(runWorker(root, 'floor-warm'));
    }
    row(n, 'cold build', samples.cold!, samples.floorCold!);
    row(n, 'warm build', samples.warm!, samples.floorWarm!);
    row(n, 'build --check', samples.check!, samples.floorWarm!);
    await rm(root, { recursive: true, force: true });
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'postmortem-bench-write-'));
  const writes = [0, 1, 2].map(() => runWorker(scratch, 'write'));
  const fsync = median(writes.map((s) => s.fsyncMs!));
  const plain = median(writes.map((s) => s.noFsyncMs!));
  console.log(
    `atomic write of a 5 KB report: ${plain.toFixed(2)} ms without fsync, ${fsync.toFixed(2)} ms with (reports skip it; sync's YAML write-back keeps it)`,
  );
  await rm(scratch, { recursive: true, force: true });
}
