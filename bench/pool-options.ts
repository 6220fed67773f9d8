/**
 * The workspace options a benchmark process opens its workspace with: the
 * thread setting from `POSTMORTEM_WORKERS` (as the CLI reads it; default
 * `auto`), and the CLI bundle's worker script (dist/bin/file-worker.js), so that
 * the workers load compiled JavaScript as the installed CLI's do, not
 * TypeScript through tsx. Without a build the source worker runs (slower to
 * start), and `note` says so.
 */
import { existsSync } from 'node:fs';
import { parseWorkerSetting } from '../src/io/worker-setting.js';
import type { WorkspaceOptions } from '../src/io/workspace.js';

// The CLI bundle's worker (one file and the chunks it shares with the CLI): what an installed CLI starts.
const BUILT_WORKER = new URL('../dist/bin/file-worker.js', import.meta.url);

export function benchWorkspaceOptions(): WorkspaceOptions {
  const workers = parseWorkerSetting(process.env.POSTMORTEM_WORKERS);
  if (workers === null) throw new Error(`POSTMORTEM_WORKERS=${process.env.POSTMORTEM_WORKERS} is not a thread setting`);
  return { workers, ...(existsSync(BUILT_WORKER) ? { workerEntry: BUILT_WORKER } : {}) };
}

/** A line for the bench's header when the built worker is missing. */
export function poolNote(): string | null {
  return existsSync(BUILT_WORKER) ? null : 'note: dist/bin/file-worker.js is missing (run `npm run build`): the workers run TypeScript through tsx';
}
