/**
 * How many worker threads a run gets: none below the measured threshold of
 * files, else one per core; `POSTMORTEM_WORKERS` (read by the CLI) turns them
 * off or fixes their number. Kept apart from the pool so that deciding "no
 * threads" for a small run loads nothing else.
 */
import { availableParallelism } from 'node:os';

/**
 * Below this many files a run stays in one thread: each worker pays its own
 * module load, schema and template compile (about 0.1 s) before its first file.
 * Measured with `npm run bench -- threads` on the 2-core machine: see that bench for the figures.
 */
export const POOL_THRESHOLD = 200;

/** How the user asked for threads: `auto` (threshold and core count), `off`, or exactly N workers whatever the run's size. */
export type WorkerSetting = 'auto' | 'off' | number;

/** `POSTMORTEM_WORKERS`: unset or `auto`, `0` (off), or a whole number of workers; null when the value is none of those. */
export function parseWorkerSetting(value: string | undefined): WorkerSetting | null {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (!/^\d+$/.test(value)) return null;
  return Number(value) === 0 ? 'off' : Math.min(Number(value), 64);
}

/** The workers for `files` files under `setting`: none below the threshold on auto. */
export function workerCount(setting: WorkerSetting, files: number, cores: number = availableParallelism()): number {
  if (setting === 'off' || files === 0) return 0;
  if (typeof setting === 'number') return setting;
  if (files < POOL_THRESHOLD || cores < 2) return 0;
  // Every core a worker: the main thread mostly waits on them (reading a file is a small part of checking it).
  return Math.min(cores, 8);
}

