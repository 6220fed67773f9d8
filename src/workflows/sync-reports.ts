/**
 * Sync's write-backs change the rendered reports (Issue and Status columns),
 * so sync re-renders the reports of the incidents it wrote to, through the
 * build stage, or the next `build --check` would fail on someone else's pull
 * request. A report that was never built is left alone: sync does not decide
 * that a repository keeps reports.
 *
 * @example
 * const tracked = trackWrites(workspace);
 * // … sync through tracked.workspace …
 * const reports = await rerenderReports(tracked.workspace, tracked.written());
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyBuild, planFiles } from './build.js';
import type { ReadResult, Workspace } from './workspace.js';

/** The reports sync brought up to date, and the ones it could not. */
export interface ReportRefresh {
  /** Report paths rewritten, relative to the root. */
  written: string[];
  /** A report that could not be rendered or written; the YAML write-back still stands. */
  failures: Diagnostic[];
  /** Why no report could be rendered (the templates folder is missing), or null. */
  problem: string | null;
}

/** A workspace that remembers what it read and wrote, so re-rendering reads no file twice. */
export function trackWrites(workspace: Workspace): { workspace: Workspace; written: () => string[] } {
  const reads = new Map<string, Promise<ReadResult>>();
  const written = new Set<string>();
  const tracked: Workspace = {
    ...workspace,
    readBytes(file) {
      let read = reads.get(file);
      if (!read) reads.set(file, (read = workspace.readBytes(file)));
      return read;
    },
    async writeText(file, text, options) {
      await workspace.writeText(file, text, options);
      // The text now on disk, as the BOM-aware loader will want it.
      reads.set(file, Promise.resolve({ bytes: new TextEncoder().encode(text) }));
      written.add(file);
    },
  };
  return { workspace: tracked, written: () => [...written].sort() };
}

/** Re-renders the existing reports of `files` (incident YAML paths) that no longer match; writes each atomically. */
export async function rerenderReports(workspace: Workspace, files: readonly string[]): Promise<ReportRefresh> {
  if (files.length === 0) return { written: [], failures: [], problem: null };
  const plan = await planFiles(workspace, files, { outDir: null });
  if (plan.items === null) return { written: [], failures: [], problem: plan.problem };
  const stale = plan.items.filter((item) => item.state === 'changed');
  const { failures } = await applyBuild(workspace, stale);
  const failed = new Set(failures.map((f) => f.file));
  return { written: stale.filter((item) => !failed.has(item.file)).map((item) => item.target!), failures, problem: null };
}
