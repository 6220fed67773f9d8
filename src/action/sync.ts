/**
 * `command: sync`: the sync workflow through the GitHub tracker (one issue
 * per action item, numbers and status written back into the YAML), then the
 * reports of the synced incidents rebuilt, so the tree a commit pushes still
 * passes the check. Returns what changed and the findings as a RunReport.
 *
 * @example
 * const report = await runSyncCommand({ workspace, paths: [], connection, env });
 */
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Connection } from '../io/github/connection.js';
import { createGithubTracker, secondsToMs } from '../io/github/tracker.js';
import { acquireSyncLock, describeHeldLock, describeTakeover } from '../io/sync-lock.js';
import { formatResultLine } from '../sync/report.js';
import { applyBuild, planFiles } from '../workflows/build.js';
import { syncWorkflow } from '../workflows/sync.js';
import type { Workspace } from '../workflows/workspace.js';
import type { RunReport } from './summary.js';

export interface SyncCommandInput {
  workspace: Workspace;
  paths: string[];
  connection: Connection;
  /** For the pacing and timeouts the CLI also reads (POSTMORTEM_SYNC_PACE_MS, …). */
  env: Readonly<Record<string, string | undefined>>;
}

const DEFAULT_PACE_MS = 1000;
const TIMEOUT_MS = 30_000;

/** Holds the workspace's sync lock for the run (the workflow's `concurrency:` group keeps runs on different machines apart). */
export async function runSyncCommand(input: SyncCommandInput): Promise<RunReport> {
  const taken = await acquireSyncLock(input.workspace.root);
  if (!taken.ok) throw new Error(describeHeldLock(taken));
  try {
    const report = await syncAndRebuild(input);
    if (taken.tookOver) report.notes.push(describeTakeover(taken.file, taken.tookOver).replace(/^warning: t/, 'T'));
    return report;
  } finally {
    await taken.lock.release();
  }
}

async function syncAndRebuild(input: SyncCommandInput): Promise<RunReport> {
  const { workspace, env } = input;
  const tracker = await createGithubTracker({
    connection: input.connection,
    label: workspace.config.sync.label,
    paceMs: wholeNumber(env.POSTMORTEM_SYNC_PACE_MS) ?? workspace.config.sync.paceMs ?? DEFAULT_PACE_MS,
    timeoutMs: wholeNumber(env.POSTMORTEM_SYNC_TIMEOUT_MS) ?? TIMEOUT_MS,
    backoffMs: wholeNumber(env.POSTMORTEM_SYNC_BACKOFF_MS) ?? undefined,
    maxWaitMs: secondsToMs(wholeNumber(env.POSTMORTEM_SYNC_MAX_WAIT) ?? workspace.config.sync.maxWait),
  });
  const run = await syncWorkflow(workspace, tracker, { paths: input.paths, dryRun: false, prune: false });
  await tracker.close();
  if (run.problem !== null) throw new Error(run.problem);
  const diagnostics: Diagnostic[] = [...run.diagnostics];
  const changes: string[] = [];
  for (const file of run.files) {
    diagnostics.push(...file.diagnostics);
    if (file.skipped !== null && file.diagnostics.length === 0) {
      diagnostics.push(createDiagnostic({ file: file.file, ruleId: 'sync/skipped', message: `Not synced: ${file.skipped}` }));
    }
    if (file.addedIds > 0) changes.push(`${file.file}: added an id to ${file.addedIds} action item${file.addedIds === 1 ? '' : 's'}`);
  }
  if (run.writeBackError !== null) {
    diagnostics.push(
      createDiagnostic({
        file: workspace.config.incidents,
        ruleId: 'sync/failed',
        message: run.writeBackError,
        note: 'The issues exist; the next run finds them by their markers.',
      }),
    );
  }
  for (const result of run.results) {
    const line = formatResultLine(result);
    if (line !== null && result.outcome !== 'failed' && result.outcome !== 'conflict') changes.push(line);
  }
  const synced = run.files.filter((file) => file.skipped === null).map((file) => file.file);
  // The workflow re-rendered the reports it changed; the Action also builds the ones not built yet.
  diagnostics.push(...run.reports.failures);
  if (run.reports.problem !== null) throw new Error(run.reports.problem);
  const written = [...run.reports.written, ...(await rebuildReports(workspace, synced, diagnostics))];
  changes.push(...written.map((target) => `wrote ${target}`));
  return { command: 'sync', files: run.files.length, diagnostics, incidents: [], notes: [], changes, written };
}

/** Re-renders the synced incidents' reports (issue numbers appear in them); returns the reports written. */
async function rebuildReports(workspace: Workspace, files: readonly string[], diagnostics: Diagnostic[]): Promise<string[]> {
  if (files.length === 0) return [];
  const plan = await planFiles(workspace, files, { outDir: null });
  if (plan.problem !== null) throw new Error(plan.problem);
  const stale = plan.items.filter((item) => item.state === 'missing' || item.state === 'changed');
  const { failures } = await applyBuild(workspace, stale);
  diagnostics.push(...failures);
  const failed = new Set(failures.map((d) => d.file));
  return stale.filter((item) => !failed.has(item.file) && item.target !== null).map((item) => item.target!);
}

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}
