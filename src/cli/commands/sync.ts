/**
 * `postmortem sync [PATHS…] --repo OWNER/NAME`: one GitHub issue per action
 * item, kept in step both ways. Load and validate, write missing ids, read
 * the labelled issues, plan, then apply (or print the plan with --dry-run).
 */
import path from 'node:path';
import { parseOptions } from '../parse-options.js';
import { UsageError, type CommandIO, type CommandSpec } from '../command.js';
import { formatDiagnostics } from '../../diagnostics/format/index.js';
import type { OpResult } from '../../sync/apply.js';
import { formatPlanLine, formatResultLine, formatSummary } from '../../sync/report.js';
import { ConnectionError, redactToken, resolveConnection } from '../../io/github/connection.js';
import { createGithubTracker, secondsToMs, type GithubTracker } from '../../io/github/tracker.js';
import type { Connection } from '../../io/github/connection.js';
import { acquireSyncLock, describeHeldLock, describeTakeover } from '../../io/sync-lock.js';
import { onInterrupt } from '../interrupt.js';
import type { Workspace } from '../../workflows/workspace.js';
import { syncWorkflow, type SyncFileOutcome } from '../../workflows/sync.js';
import { openOrReport, orUsageError, parseFormat } from './shared.js';

const DEFAULT_PACE_MS = 1000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Registered in commands/index.ts; see docs/sync.md for the user's view. */
export const syncCommand: CommandSpec = {
  name: 'sync',
  usage:
    '[PATHS…] --repo OWNER/NAME [--dry-run] [--prune] [--pace-ms N] [--max-wait SECONDS] [--api-url URL] [--cache FILE] [--format text|github|json|sarif] [--verbose]',
  summary: 'Creates and updates one GitHub issue per action item; writes issue numbers and status back to the YAML.',
  options: [
    ['--repo OWNER/NAME', 'repository for the issues (else `sync.repo` in the config, else GITHUB_REPOSITORY)'],
    ['--dry-run', 'print the plan (create / update / close / unchanged per item) and write nothing'],
    ['--prune', 'close (as not planned, with a comment) the issues of action items removed from the YAML'],
    ['--pace-ms N', 'pause between writes in ms (default 1000; also POSTMORTEM_SYNC_PACE_MS, `sync.pace_ms`)'],
    ['--max-wait SECONDS', 'longest wait for the retries of one request, in s (default 30; also POSTMORTEM_SYNC_MAX_WAIT, `sync.max_wait`); 0 fails at once'],
    ['--api-url URL', 'REST API base URL (else GITHUB_API_URL, else https://api.github.com)'],
    ['--verbose', 'print every HTTP request (method, path, status; never headers)'],
    [
      '--format F',
      'text (default); github: also workflow annotations on the YAML line of each failed, conflicting or warned item; json or sarif: those items and invalid files as diagnostics on stdout (the report goes to stderr)',
    ],
    ['--cache FILE', 'keep ETags between runs so unchanged pages are answered 304 (also POSTMORTEM_SYNC_CACHE)'],
  ],
  async run(args, rawIo) {
    const token = rawIo.env.GITHUB_TOKEN || rawIo.env.GH_TOKEN || null;
    const io: CommandIO = { ...rawIo, stdout: (s) => rawIo.stdout(redactToken(s, token)), stderr: (s) => rawIo.stderr(redactToken(s, token)) };
    try {
      return await runSync(args, io);
    } catch (error) {
      // Usage errors echo flag values, which may hold a pasted token; anything else is reported here too.
      if (error instanceof UsageError) throw new UsageError(redactToken(error.message, token));
      // Redacted, and with its code kept, so the CLI words it as for every other command ("option `--repo` needs a value").
      if (isParseArgsError(error)) throw Object.assign(new Error(redactToken((error as Error).message, token)), { code: (error as { code: string }).code });
      io.stderr(`postmortem sync: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  },
};

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

async function runSync(args: string[], io: CommandIO): Promise<0 | 1 | 2> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string' },
      'api-url': { type: 'string' },
      'dry-run': { type: 'boolean' },
      prune: { type: 'boolean' },
      'pace-ms': { type: 'string' },
      'max-wait': { type: 'string' },
      verbose: { type: 'boolean' },
      cache: { type: 'string' },
      format: { type: 'string' },
    },
  });
  const format = parseFormat(values.format, ['text', 'github', 'json', 'sarif'] as const);
  // The numeric flags are checked before anything is read or asked of GitHub; createTracker reads them for good.
  readWholeNumber('--max-wait', 'seconds', values['max-wait']);
  readMs('--pace-ms', values['pace-ms']);
  // With json or sarif, stdout carries only the machine-readable diagnostics; the human report moves to stderr.
  const machine = format === 'json' || format === 'sarif';
  const report: CommandIO = machine ? { ...io, stdout: io.stderr } : io;
  const workspace = await openOrReport(io);
  if (!workspace) return 2;
  const dryRun = Boolean(values['dry-run']);
  const connection = usageOnConnectionError(() =>
    resolveConnection({ repo: values.repo, apiUrl: values['api-url'], dryRun }, io.env, workspace.config.sync.repo, workspace.config.sync.serverUrl),
  );
  // A dry run writes nothing, so it needs no lock; a real run holds it until its last write.
  const taken = dryRun ? null : await acquireSyncLock(workspace.root);
  if (taken && !taken.ok) {
    io.stderr(`postmortem sync: ${describeHeldLock(taken)}\n`);
    return 1;
  }
  if (taken?.tookOver) io.stderr(`${describeTakeover(taken.file, taken.tookOver)}\n`);
  // Interrupted mid-run, the lock is given back: what was created so far is found again by the next run (issues carry a marker).
  const stopWatching = taken
    ? onInterrupt(
        () => taken.lock.releaseNow(),
        (signal) =>
          io.stderr(
            `\npostmortem sync: stopped by ${signal}; the lock is released. Run sync again to finish: issues created so far are found, not made twice.\n`,
          ),
      )
    : () => undefined;
  try {
    return await syncWithTracker(values, positionals, workspace, connection, { io, report, format, dryRun });
  } finally {
    stopWatching();
    await taken?.lock.release();
  }
}

interface RunContext {
  io: CommandIO;
  /** Where the human report goes (stderr when stdout carries json or sarif). */
  report: CommandIO;
  format: 'text' | 'github' | 'json' | 'sarif';
  dryRun: boolean;
}

/** The flags read after the connection is resolved. */
interface SyncFlags {
  prune?: boolean | undefined;
  'pace-ms'?: string | undefined;
  'max-wait'?: string | undefined;
  verbose?: boolean | undefined;
  cache?: string | undefined;
}

/** Pacing, timeouts and the retry wait cap: flag, then environment, then config, then default. */
function createTracker(
  values: SyncFlags,
  workspace: Workspace,
  connection: Connection,
  io: CommandIO,
  stderrLine: (line: string) => void,
): Promise<GithubTracker> {
  const cacheValue = values.cache ?? io.env.POSTMORTEM_SYNC_CACHE;
  const maxWait = readWholeNumber('--max-wait', 'seconds', values['max-wait'] ?? io.env.POSTMORTEM_SYNC_MAX_WAIT) ?? workspace.config.sync.maxWait;
  return createGithubTracker({
    connection,
    label: workspace.config.sync.label,
    paceMs: readMs('--pace-ms', values['pace-ms'] ?? io.env.POSTMORTEM_SYNC_PACE_MS) ?? workspace.config.sync.paceMs ?? DEFAULT_PACE_MS,
    timeoutMs: readMs('POSTMORTEM_SYNC_TIMEOUT_MS', io.env.POSTMORTEM_SYNC_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS,
    backoffMs: readMs('POSTMORTEM_SYNC_BACKOFF_MS', io.env.POSTMORTEM_SYNC_BACKOFF_MS) ?? undefined,
    maxWaitMs: secondsToMs(maxWait),
    log: values.verbose ? stderrLine : undefined,
    // On a terminal each retry says what is retried and why; in CI the final error sums them up.
    onRetry: io.isTTY || values.verbose ? stderrLine : undefined,
    cacheFile: cacheValue ? path.resolve(io.cwd, cacheValue) : undefined,
  });
}

async function syncWithTracker(values: SyncFlags, positionals: string[], workspace: Workspace, connection: Connection, context: RunContext): Promise<0 | 1> {
  const { io, report, format, dryRun } = context;
  const machine = format === 'json' || format === 'sarif';
  const stderr = progressAwareStderr(io);
  const tracker = await createTracker(values, workspace, connection, io, stderr.line);
  const run = orUsageError(
    await syncWorkflow(workspace, tracker, {
      paths: positionals,
      dryRun,
      prune: Boolean(values.prune),
      onProgress: io.isTTY ? stderr.progress : undefined,
    }),
  );
  const failedFiles = printFiles(run.files, report, dryRun);
  if (dryRun) {
    report.stdout(run.plan.map((op) => `${formatPlanLine(op)}\n`).join(''));
    report.stdout(`dry run: ${run.plan.length} operation${run.plan.length === 1 ? '' : 's'} planned, nothing written (${tracker.requests()} requests)\n`);
    await tracker.close();
    if (machine)
      io.stdout(
        formatDiagnostics(
          run.files.flatMap((f) => f.diagnostics),
          format,
        ),
      );
    return failedFiles > 0 ? 1 : 0;
  }
  await tracker.close();
  if (run.writeBackError !== null) io.stderr(`${run.writeBackError}\n`);
  printResults(run.results, report);
  for (const written of run.reports.written) report.stdout(`${written}: report re-rendered (issue numbers and statuses changed)\n`);
  if (run.reports.problem !== null) io.stderr(`reports not re-rendered: ${run.reports.problem}\n`);
  if (run.reports.failures.length > 0) io.stderr(formatDiagnostics(run.reports.failures, 'text', { colour: io.isTTY }));
  if (format === 'github') io.stdout(formatDiagnostics(run.diagnostics, 'github'));
  if (machine) io.stdout(formatDiagnostics([...run.files.flatMap((f) => f.diagnostics), ...run.diagnostics], format));
  const flushed = run.writeBackError === null;
  report.stdout(`${formatSummary(run.results, failedFiles + (flushed ? 0 : 1))} (${tracker.requests()} requests)\n`);
  const reportsFailed = run.reports.problem !== null || run.reports.failures.length > 0;
  return !flushed || reportsFailed || failedFiles > 0 || run.results.some((r) => r.outcome === 'failed') ? 1 : 0;
}

/**
 * The `sync n/m` counter is redrawn in place on a terminal (`\r`, no newline
 * until the last item); a line printed mid-run (a retry, `--verbose`) first
 * ends it, so it never lands on the counter's line. The next count starts
 * a fresh counter line below.
 */
function progressAwareStderr(io: CommandIO): { progress(done: number, total: number): void; line(text: string): void } {
  let counterOpen = false;
  return {
    progress(done, total) {
      io.stderr(`\rsync ${done}/${total}${done === total ? '\n' : ''}`);
      counterOpen = done !== total;
    },
    line(text) {
      io.stderr(`${counterOpen ? '\n' : ''}${text}\n`);
      counterOpen = false;
    },
  };
}

/** What happened to each file before any issue was touched; returns how many were not synced. */
function printFiles(files: readonly SyncFileOutcome[], io: CommandIO, dryRun: boolean): number {
  let failed = 0;
  for (const file of files) {
    if (file.diagnostics.length > 0) io.stderr(formatDiagnostics(file.diagnostics, 'text', { colour: io.isTTY }));
    if (file.skipped !== null) {
      failed++;
      io.stderr(`${file.file}: not synced${file.skipped.startsWith('fix ') ? ` (${file.skipped})` : `: ${file.skipped}`}\n`);
      continue;
    }
    if (file.addedIds > 0) io.stdout(`${file.file}: ${dryRun ? 'would add' : 'added'} id to ${file.addedIds} action item${file.addedIds === 1 ? '' : 's'}\n`);
  }
  return failed;
}

function printResults(results: readonly OpResult[], io: CommandIO): void {
  for (const result of results) {
    const line = formatResultLine(result);
    if (line === null) continue;
    if (result.outcome === 'failed' || result.outcome === 'conflict') io.stderr(`${line}\n`);
    else io.stdout(`${line}\n`);
  }
}

function usageOnConnectionError<T>(resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    throw error instanceof ConnectionError ? new UsageError(error.message) : error;
  }
}

function readMs(name: string, value: string | undefined): number | null {
  return readWholeNumber(name, 'milliseconds', value);
}

function readWholeNumber(name: string, unit: string, value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number of ${unit}; got \`${value}\``);
  return Number(value);
}
