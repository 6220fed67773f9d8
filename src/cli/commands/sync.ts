/**
 * `postmortem sync [PATHS…] --repo OWNER/NAME`: one GitHub issue per action
 * item, kept in step both ways. Load and validate, write missing ids, read
 * the labelled issues, plan, then apply (or print the plan with --dry-run).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CommandIO, type CommandSpec } from '../command.js';
import { formatDiagnostics, parseFormat } from '../../diagnostics/format/index.js';
import { locatePath, parseYamlSource, type YamlSource } from '../../load/parse.js';
import { syncDiagnostics, type LocateItem } from '../../sync/diagnostics.js';
import { loadIncidentFiles } from '../../workflows/incident-files.js';
import { applySync, type OpResult } from '../../sync/apply.js';
import { redactToken, resolveConnection } from '../../io/github/connection.js';
import { createGithubTracker, type GithubTracker } from '../../io/github/tracker.js';
import { missingIssueNumbers, planSync, type RemoteIssue, type SyncOp } from '../../sync/plan.js';
import { formatPlanLine, formatResultLine, formatSummary } from '../../sync/report.js';
import { collectSyncItems, type SyncItem } from '../../sync/sync-item.js';
import { createWriteBackBuffer, writeItemFields } from '../../io/write-back.js';
import { readBytes, type Workspace } from '../../io/workspace.js';
import { openOrReport } from './shared.js';

const DEFAULT_PACE_MS = 1000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Registered in commands/index.ts; see docs/sync.md for the user's view. */
export const syncCommand: CommandSpec = {
  name: 'sync',
  usage: '[PATHS…] --repo OWNER/NAME [--dry-run] [--prune] [--pace-ms N] [--api-url URL] [--cache FILE] [--format text|github] [--verbose]',
  summary: 'Creates and updates one GitHub issue per action item; writes issue numbers and status back to the YAML.',
  options: [
    ['--repo OWNER/NAME', 'repository for the issues (else `sync.repo` in the config, else GITHUB_REPOSITORY)'],
    ['--dry-run', 'print the plan (create / update / close / unchanged per item) and write nothing'],
    ['--prune', 'close (as not planned, with a comment) the issues of action items removed from the YAML'],
    ['--pace-ms N', 'pause between writes in ms (default 1000; also POSTMORTEM_SYNC_PACE_MS, `sync.pace_ms`)'],
    ['--api-url URL', 'REST API base URL (else GITHUB_API_URL, else https://api.github.com)'],
    ['--verbose', 'print every HTTP request (method, path, status; never headers)'],
    ['--format F', 'text (default), or github: also workflow annotations on the YAML line of each failed, conflicting or warned item'],
    ['--cache FILE', 'keep ETags between runs so unchanged pages are answered 304 (also POSTMORTEM_SYNC_CACHE)'],
  ],
  async run(args, rawIo) {
    const token = rawIo.env.GITHUB_TOKEN || rawIo.env.GH_TOKEN || null;
    const io: CommandIO = { ...rawIo, stdout: (s) => rawIo.stdout(redactToken(s, token)), stderr: (s) => rawIo.stderr(redactToken(s, token)) };
    try {
      return await runSync(args, io);
    } catch (error) {
      // Usage errors echo flag values, which may hold a pasted token; anything else is reported here too.
      if (error instanceof UsageError || isParseArgsError(error)) throw new UsageError(redactToken((error as Error).message, token));
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
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string' },
      'api-url': { type: 'string' },
      'dry-run': { type: 'boolean' },
      prune: { type: 'boolean' },
      'pace-ms': { type: 'string' },
      verbose: { type: 'boolean' },
      cache: { type: 'string' },
      format: { type: 'string' },
    },
  });
  const format = parseFormat(values.format, ['text', 'github'] as const);
  const workspace = await openOrReport(io);
  if (!workspace) return 2;
  const dryRun = Boolean(values['dry-run']);
  const { label, incidentLabelPrefix } = workspace.config.sync;
  const connection = resolveConnection({ repo: values.repo, apiUrl: values['api-url'], dryRun }, io.env, workspace.config.sync.repo);
  const cacheValue = values.cache ?? io.env.POSTMORTEM_SYNC_CACHE;
  const tracker = await createGithubTracker({
    connection,
    label,
    paceMs: readMs('--pace-ms', values['pace-ms'] ?? io.env.POSTMORTEM_SYNC_PACE_MS) ?? workspace.config.sync.paceMs ?? DEFAULT_PACE_MS,
    timeoutMs: readMs('POSTMORTEM_SYNC_TIMEOUT_MS', io.env.POSTMORTEM_SYNC_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS,
    backoffMs: readMs('POSTMORTEM_SYNC_BACKOFF_MS', io.env.POSTMORTEM_SYNC_BACKOFF_MS) ?? undefined,
    log: values.verbose ? (line: string) => io.stderr(`${line}\n`) : undefined,
    cacheFile: cacheValue ? path.resolve(io.cwd, cacheValue) : undefined,
  });

  const { items, incidents, failedFiles } = await prepareItems(workspace, positionals, io, dryRun);
  const ops = planSync(items, await readIssues(tracker, items), { label, incidentLabelPrefix, prune: Boolean(values.prune), incidents });
  if (dryRun) {
    io.stdout(ops.map((op) => `${formatPlanLine(op)}\n`).join(''));
    io.stdout(`dry run: ${ops.length} operation${ops.length === 1 ? '' : 's'} planned, nothing written (${tracker.requests()} requests)\n`);
    await tracker.close();
    return failedFiles > 0 ? 1 : 0;
  }
  const { results, flushed } = await applyWithWriteBack(ops, tracker, workspace, io);
  await tracker.close();
  printResults(results, io);
  if (format === 'github') io.stdout(formatDiagnostics(syncDiagnostics(results, await itemLocator(workspace, results)), 'github'));
  io.stdout(`${formatSummary(results, failedFiles + (flushed ? 0 : 1))} (${tracker.requests()} requests)\n`);
  return !flushed || failedFiles > 0 || results.some((r) => r.outcome === 'failed') ? 1 : 0;
}

/** The labelled issues, plus any issue the YAML names that lost its label (read by number). */
async function readIssues(tracker: GithubTracker, items: readonly SyncItem[]): Promise<RemoteIssue[]> {
  const issues = await tracker.listIssues();
  for (const number of missingIssueNumbers(items, issues)) {
    const issue = await tracker.getIssue(number);
    if (issue?.marker) issues.push(issue);
  }
  return issues;
}

async function applyWithWriteBack(ops: readonly SyncOp[], tracker: GithubTracker, workspace: Workspace, io: CommandIO): Promise<{ results: OpResult[]; flushed: boolean }> {
  const buffer = createWriteBackBuffer();
  const results = await applySync(ops, tracker, {
    writeBack: (item, issue, status) =>
      buffer.add(path.resolve(workspace.root, item.file), item.file, { actionId: item.actionId, index: item.index, fields: status ? { issue, status } : { issue } }, status !== null),
    progress: io.isTTY ? (done, total) => io.stderr(`\rsync ${done}/${total}${done === total ? '\n' : ''}`) : undefined,
  });
  // Issue numbers not written here are found again by their markers on the next run.
  const flushed = await buffer.flush().then(
    () => true,
    (error: unknown) => (io.stderr(`${error instanceof Error ? error.message : String(error)}\n`), false),
  );
  return { results, flushed };
}

/** Loads the incidents, reports invalid ones, and writes missing action ids before any issue exists. */
async function prepareItems(
  workspace: Workspace,
  paths: string[],
  io: CommandIO,
  dryRun: boolean,
): Promise<{ items: SyncItem[]; incidents: string[]; failedFiles: number }> {
  const checked = await loadIncidentFiles(workspace, paths);
  const items: SyncItem[] = [];
  const incidents: string[] = [];
  const owners = new Map<string, string>();
  let failedFiles = 0;
  for (const file of checked) {
    if (!file.incident) {
      failedFiles++;
      io.stderr(formatDiagnostics(file.diagnostics, 'text', { colour: io.isTTY }));
      io.stderr(`${file.file}: not synced (fix the errors above first)\n`);
      continue;
    }
    // Markers key issues by incident id: two files with one id would fight over the same issues.
    const owner = owners.get(file.incident.id);
    if (owner) {
      failedFiles++;
      io.stderr(`${file.file}: not synced: incident id \`${file.incident.id}\` is also the id of ${owner}; give each incident its own \`id\`\n`);
      continue;
    }
    owners.set(file.incident.id, file.file);
    const collected = collectSyncItems(file.incident);
    if (collected.newIds.length > 0 && !dryRun) {
      try {
        const edits = collected.newIds.map(({ index, id }) => ({ actionId: null, index, fields: { id } }));
        await writeItemFields(path.resolve(workspace.root, file.file), file.file, edits);
      } catch (error) {
        failedFiles++;
        io.stderr(`${file.file}: cannot write action ids (${error instanceof Error ? error.message : String(error)}); not synced\n`);
        continue;
      }
    }
    if (collected.newIds.length > 0) io.stdout(`${file.file}: ${dryRun ? 'would add' : 'added'} id to ${collected.newIds.length} action item${collected.newIds.length === 1 ? '' : 's'}\n`);
    items.push(...collected.items);
    // Only incidents read in full: an incident skipped above must not look emptied.
    incidents.push(file.incident.id);
  }
  return { items, incidents, failedFiles };
}

function printResults(results: readonly OpResult[], io: CommandIO): void {
  for (const result of results) {
    const line = formatResultLine(result);
    if (line === null) continue;
    if (result.outcome === 'failed' || result.outcome === 'conflict') io.stderr(`${line}\n`);
    else io.stdout(`${line}\n`);
  }
}

/** Positions of the items that need a diagnostic, from the files as they are now. */
async function itemLocator(workspace: Workspace, results: readonly OpResult[]): Promise<LocateItem> {
  const sources = new Map<string, YamlSource | null>();
  for (const result of results) {
    if (!('item' in result.op) || (result.outcome !== 'failed' && result.outcome !== 'conflict' && result.warnings.length === 0)) continue;
    const file = result.op.item.file;
    if (sources.has(file)) continue;
    const read = await readBytes(workspace.root, file);
    sources.set(file, 'bytes' in read ? parseYamlSource(file, read.bytes).source : null);
  }
  return (file, index) => {
    const source = sources.get(file);
    return source ? locatePath(source, ['action_items', index]) : null;
  };
}

function readMs(name: string, value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number of milliseconds; got \`${value}\``);
  return Number(value);
}

