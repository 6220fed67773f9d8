/**
 * `npm run bench -- threads`: where worker threads start to pay. For a few
 * run sizes (`BENCH_THREAD_SIZES`, default 50,100,200,400,1000), validate and
 * a cold build in a fresh process each, in one thread (`POSTMORTEM_WORKERS=0`)
 * with 1 and 2 workers, and with a worker per core but one and the main
 * thread taking a share (`N+main`, what auto does past the threshold); wall time inside the process after its modules
 * are loaded, so each worker's own start (module load, schema and template
 * compile) is counted. Median of `BENCH_RUNS` runs (default 3), settings
 * alternating so machine load falls on all alike. `CHECK_THRESHOLD` and
 * `BUILD_THRESHOLD` in src/io/worker-setting.ts are the crossovers this measures.
 */
import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_THRESHOLD, CHECK_THRESHOLD } from '../src/io/worker-setting.js';
import { poolNote } from './pool-options.js';
import { formatMs, median } from './stats.js';
import { writeSyntheticRepo } from './synthetic.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.BENCH_THREAD_SIZES ?? '50,100,200,400,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SHARED = `${Math.max(availableParallelism() - 1, 1)}+main`;
const SETTINGS = ['0', '1', '2', SHARED];
/** A setting as the table's header and best column name it. */
const label = (setting: string) => (setting === '0' ? 'one thread' : setting.endsWith('+main') ? setting : `${setting} worker${setting === '1' ? '' : 's'}`);

type Task = 'validate' | 'cold build';

/** One task in a fresh process with `POSTMORTEM_WORKERS=setting`; its wall time in ms. */
async function runOnce(root: string, task: Task, setting: string): Promise<number> {
  const env = { ...process.env, POSTMORTEM_WORKERS: setting };
  if (task === 'cold build') await rm(path.join(root, 'reports'), { recursive: true, force: true });
  const [script, args] = task === 'validate' ? ['speed-worker.ts', [root, 'validate']] : ['foundation-worker.ts', [root, 'build']];
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, script), ...args], { encoding: 'utf8', env });
  return (JSON.parse(out) as { ms: number }).ms;
}

export async function run(): Promise<void> {
  const note = poolNote();
  console.log(
    `threads: wall time by run size, one thread against 1 and 2 workers and ${SHARED}; median of ${RUNS} runs; auto uses workers from ${CHECK_THRESHOLD} files (validate, report) and ${BUILD_THRESHOLD} (build) on a machine not already busy`,
  );
  if (note) console.log(note);
  console.log('N'.padStart(6), 'task'.padEnd(11), ...SETTINGS.map((s) => label(s).padStart(11)), 'best'.padStart(11));
  for (const n of SIZES) {
    const root = await writeSyntheticRepo(n, 'threads-bench');
    try {
      await writeFile(path.join(root, 'postmortem.config.yaml'), 'output: reports\n');
      for (const task of ['validate', 'cold build'] as const) {
        const samples: Record<string, number[]> = Object.fromEntries(SETTINGS.map((s) => [s, []]));
        for (let r = 0; r < RUNS; r++) for (const setting of SETTINGS) samples[setting]!.push(await runOnce(root, task, setting));
        const medians = SETTINGS.map((setting) => median(samples[setting]!));
        const best = SETTINGS[medians.indexOf(Math.min(...medians))]!;
        console.log(String(n).padStart(6), task.padEnd(11), ...medians.map((ms) => formatMs(ms).padStart(11)), label(best).padStart(11));
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
}
