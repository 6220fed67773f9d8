/**
 * validate + build over N synthetic incidents (N = 100, 1,000, 10,000), each
 * N in a fresh process so that peak memory is its own. Prints wall time, ms
 * per incident (median of the runs) and peak RSS. Targets on a 2-core
 * machine: 1,000 in < 3 s, 10,000 in < 30 s, growing linearly.
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

export async function run(): Promise<void> {
  console.log('validate + build, in-process time after startup; peak RSS of the worker process');
  console.log('N'.padStart(6), 'median wall'.padStart(12), 'ms/incident'.padStart(12), 'peak RSS'.padStart(10));
  for (const n of SIZES) {
    const root = await makeRepo(n);
    const samples: Array<{ ms: number; maxRssMb: number; failed: number }> = [];
    for (let r = 0; r < RUNS; r++) {
      await rm(path.join(root, 'postmortems'), { recursive: true, force: true, filter: undefined } as never).catch(() => undefined);
      await mkdir(path.join(root, 'postmortems'), { recursive: true });
      for (let i = 0; i < n; i++) {
        const { name, yaml } = syntheticIncident(i);
        await writeFile(path.join(root, 'postmortems', `${name}.yaml`), yaml);
      }
      const out = execFileSync(process.execPath, ['--import', 'tsx', worker, root], { encoding: 'utf8' });
      samples.push(JSON.parse(out) as { ms: number; maxRssMb: number; failed: number });
    }
    if (samples.some((s) => s.failed > 0)) throw new Error('synthetic incidents failed validation');
    const wall = median(samples.map((s) => s.ms));
    const rss = Math.max(...samples.map((s) => s.maxRssMb));
    console.log(String(n).padStart(6), formatMs(wall).padStart(12), (wall / n).toFixed(3).padStart(12), `${rss.toFixed(0)} MB`.padStart(10));
    await rm(root, { recursive: true, force: true });
  }
}
