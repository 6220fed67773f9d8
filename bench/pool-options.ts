/**
 * The workspace options a benchmark process opens its workspace with: the
 * thread setting from `POSTMORTEM_WORKERS` (as the CLI reads it; default
 * `auto`), and the CLI bundle's worker script (dist/bin/file-worker.js), so that
 * the workers load compiled JavaScript as the installed CLI's do, not
 * TypeScript through tsx. Without a build the source worker runs (slower to
 * start), and `note` says so.
 *
 * The check cache is off (every row is a cold check) unless `POSTMORTEM_CACHE_DIR`
 * is set and `POSTMORTEM_CACHE` is not `off`: the warm-cache rows. Run from source
 * there is no build identity, so those rows use a bench-only one.
 */
import { existsSync } from 'node:fs';
import { parseWorkerSetting } from '../src/io/worker-setting.js';
import type { WorkspaceOptions } from '../src/io/workspace.js';

// The CLI bundle's worker (one file and the chunks it shares with the CLI): what an installed CLI starts.
const BUILT_WORKER = new URL('../dist/bin/file-worker.js', import.meta.url);

export function benchWorkspaceOptions(): WorkspaceOptions {
  const workers = parseWorkerSetting(process.env.POSTMORTEM_WORKERS);
  if (workers === null) throw new Error(`POSTMORTEM_WORKERS=${process.env.POSTMORTEM_WORKERS} is not a thread setting`);
  const cacheDir = process.env.POSTMORTEM_CACHE === 'off' ? undefined : process.env.POSTMORTEM_CACHE_DIR;
  const cache = cacheDir ? { identity: 'bench-from-source', dir: cacheDir } : { identity: null, off: true };
  return { workers, cache, ...(existsSync(BUILT_WORKER) ? { workerEntry: BUILT_WORKER } : {}) };
}

/** A line for the bench's header when the built worker is missing. */
export function poolNote(): string | null {
  return existsSync(BUILT_WORKER) ? null : 'note: dist/bin/file-worker.js is missing (run `npm run build`): the workers run TypeScript through tsx';
}
