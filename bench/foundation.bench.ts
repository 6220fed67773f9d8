/**
 * validate + build over N synthetic incidents (N = 100, 1,000, 10,000), each
 * run in a fresh process so that peak memory is its own. Two cases per N:
 * a cold build (no reports on disk: every report goes through remark) and a
 * warm rebuild (reports present and current, as in CI's `build --check`).
 * Prints the median wall time, ms per incident and peak RSS. Targets on a
 * 2-core machine: 1,000 in < 3 s, 10,000 in < 30 s, growing linearly.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, median } from './stats.js';
import { syntheticIncident } from './synthetic.js';

const worker = fileURLToPath(new URL('./foundation-worker.ts', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function makeRepo(n: number): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `postmortem-bench-${n}-`));
  await mkdir(path.join(root, 'postmortems'));
  for (let i = 0; i < n; i++) {
    const { name, yaml } = syntheticIncident(i);
    await writeFile(path.join(root, 'postmortems', `${name}.yaml`), yaml);
  }
  return root;
}

interface Sample {
  ms: number;
  maxRssMb: number;
  failed: number;
}

function runWorker(root: string): Sample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', worker, root], { encoding: 'utf8' });
  return JSON.parse(out) as Sample;
}

function printRow(n: number, label: string, samples: Sample[]): void {
  if (samples.some((s) => s.failed > 0)) throw new Error('synthetic incidents failed validation');
  const wall = median(samples.map((s) => s.ms));
  const rss = Math.max(...samples.map((s) => s.maxRssMb));
  console.log(String(n).padStart(6), label.padEnd(6), formatMs(wall).padStart(12), (wall / n).toFixed(3).padStart(12), `${rss.toFixed(0)} MB`.padStart(10));
}

export async function run(): Promise<void> {
  console.log('validate + build; time measured inside the worker after module loading; peak RSS of the worker');
  console.log('N'.padStart(6), 'case'.padEnd(6), 'median wall'.padStart(12), 'ms/incident'.padStart(12), 'peak RSS'.padStart(10));
  for (const n of SIZES) {
    const root = await makeRepo(n);
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    for (let r = 0; r < RUNS; r++) {
      await rm(path.join(root, 'reports'), { recursive: true, force: true });
      await writeFile(path.join(root, 'postmortem.config.yaml'), 'output: reports\n');
      cold.push(runWorker(root));
      warm.push(runWorker(root));
    }
    printRow(n, 'cold', cold);
    printRow(n, 'warm', warm);
    await rm(root, { recursive: true, force: true });
  }
}
