/**
 * How many worker threads a run gets: none below the measured threshold of
 * files or on a machine already busy, else one per core; `POSTMORTEM_WORKERS` (read by the CLI) turns them
 * off or fixes their number. Kept apart from the pool so that deciding "no
 * threads" for a small run loads nothing else.
 */
import { availableParallelism, loadavg } from 'node:os';

/**
 * Below these many files a run stays in one thread. Each worker pays its own
 * start (about 0.1 s: module load, schema and template compile) and warms up
 * its own JIT: validate of 1,000 files took 1.55 s of CPU in one thread and
 * 2.81 s across two workers, so checking alone pays only from about a
 * thousand files; a build does twice the work per file (render too) and pays
 * from about half that. `npm run bench -- threads` measures the crossover.
 */
export const CHECK_THRESHOLD = 1000;
export const BUILD_THRESHOLD = 500;
/**
 * On a machine whose other processes already keep the cores busy, threads
 * only wait for a core until the run is long: at load 4–6 on 2 cores, two
 * workers made validate of 1,000 and 2,000 files 0.5–0.7x as fast as one
 * thread, a cold build of 500–1,000 0.7–0.9x, while validate of 10,000 was
 * 1.16–1.33x faster and a cold build of 10,000 came to 0.82x of its floor.
 */
export const BUSY_THRESHOLD = 5000;

/**
 * How the user asked for threads: `auto` (threshold and core count), `off`,
 * exactly N workers whatever the run's size, or N workers with the main
 * thread taking a share of the files too (what `auto` does past the threshold).
 */
export type WorkerSetting = 'auto' | 'off' | number | { workers: number; shareHere: true };

/** `POSTMORTEM_WORKERS`: unset or `auto`, `0` (off), a whole number of workers, or `N+main`; null when the value is none of those. */
export function parseWorkerSetting(value: string | undefined): WorkerSetting | null {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  const match = /^(\d+)(\+main)?$/.exec(value);
  if (!match) return null;
  const workers = Math.min(Number(match[1]), 64);
  if (match[2]) return workers === 0 ? 'off' : { workers, shareHere: true };
  return workers === 0 ? 'off' : workers;
}

/** The run: how many files, and whether the workers also render (build). */
export interface PoolRun {
  files: number;
  render: boolean;
}

/** The machine: its cores, and the 1-minute load average (what other processes already run). */
export interface Machine {
  cores: number;
  load: number;
}

export function thisMachine(): Machine {
  return { cores: availableParallelism(), load: loadavg()[0] ?? 0 };
}

/** The threads of a pool: how many workers, and whether the main thread checks files too. */
export interface PoolShape {
  workers: number;
  shareHere: boolean;
}

/**
 * The pool for a run under `setting`. On auto: none below the threshold (the
 * busy one when the load average is above the cores less one), else a worker
 * for every core but one, and the main thread takes a share of the files.
 */
export function poolShape(setting: WorkerSetting, run: PoolRun, machine: Machine = thisMachine()): PoolShape {
  const none = { workers: 0, shareHere: false };
  if (setting === 'off' || run.files === 0) return none;
  if (typeof setting === 'number') return { workers: setting, shareHere: false };
  if (typeof setting === 'object') return setting;
  const busy = machine.load > machine.cores - 1;
  const threshold = busy ? BUSY_THRESHOLD : run.render ? BUILD_THRESHOLD : CHECK_THRESHOLD;
  if (run.files < threshold || machine.cores < 2) return none;
  // Every core but this thread's a worker: each worker pays its own start and JIT warm-up, and this thread is warm already.
  return { workers: Math.min(machine.cores - 1, 8), shareHere: true };
}
