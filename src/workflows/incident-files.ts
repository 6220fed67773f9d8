/**
 * The one file-set read loop: expands PATHS (default: the configured folder)
 * and reads the files a few ahead of the caller, in order. Incident checking
 * and lint both go through it, so one unreadable file is always a diagnostic
 * on that file and the others are still read.
 */
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckedIncident, CheckOptions } from '../validate/check-incident.js';
import type { RunCache, RunChecks } from './check-cache.js';
import type { IdRecord } from './incident-ids.js';
import { inOrder } from './in-order.js';
import type { FilePool, PoolCheckOptions, ReadResult, Workspace } from './workspace.js';

export const INCIDENT_EXTENSIONS = ['.yaml', '.yml'] as const;
const READ_AHEAD = 8;
/** Files handed to each worker before the first answer is awaited: enough that none waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 16;

/** The files PATHS name, or the problem with the request (a named path that does not exist; the CLI exits 2). */
export type FileList = { files: string[]; problem: null; skipped?: string[] } | { files: null; problem: string };

/** The files PATHS name (default: the incidents folder) with one of `extensions`. */
export async function listFiles(workspace: Workspace, paths: readonly string[], extensions: readonly string[]): Promise<FileList> {
  const named = paths.length > 0 ? paths : [workspace.config.incidents];
  const { files, missing } = await workspace.findFiles(named, extensions, { fromRoot: paths.length === 0 });
  if (missing.length > 0) return { files: null, problem: `no such file or folder: ${missing.join(', ')}` };
  return { files, problem: null };
}

/**
 * The incident files PATHS name (default: the incidents folder). A file named
 * outright that is not YAML (a shell glob such as `postmortems/*` also names
 * the generated reports) is left out and listed in `skipped`, not parsed.
 */
export async function listIncidentFiles(workspace: Workspace, paths: readonly string[]): Promise<FileList> {
  const listed = await listFiles(workspace, paths, INCIDENT_EXTENSIONS);
  if (listed.problem !== null) return listed;
  const isYaml = (file: string) => INCIDENT_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext));
  return { files: listed.files.filter(isYaml), problem: null, skipped: listed.files.filter((file) => !isYaml(file)) };
}

/** The one info line for the files `listIncidentFiles` skipped, or null when there were none. */
export function skippedFilesLine(skipped: readonly string[] | undefined): string | null {
  if (!skipped || skipped.length === 0) return null;
  const shown = skipped.length > 3 ? `${skipped.slice(0, 3).join(', ')}, …` : skipped.join(', ');
  return `info: skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'is' : 'are'} not YAML (*.yaml, *.yml): ${shown}\n`;
}

/** Reads the given files in order, a few ahead of the consumer, so the disk works while the CPU checks. */
export function readFiles(workspace: Workspace, files: readonly string[]): AsyncGenerator<{ file: string; read: ReadResult; position: number; total: number }> {
  return inOrder(files, READ_AHEAD, async (file, index) => ({ file, read: await workspace.readBytes(file), position: index + 1, total: files.length }));
}

/** One file checked by `checkFiles`, with its place in the run; `id` when a worker checked it (it keeps the syntax tree). */
export type CheckedFile = CheckedIncident & { position: number; total: number; bytes: Uint8Array | null; id?: IdRecord };

/** With a pool, `keep` and `diagnosticsOnly` (no `incident` in the entries) apply; without one they change nothing. */
export interface CheckFilesOptions extends PoolCheckOptions {
  /**
   * Worker threads to check in (`Workspace.openFilePool`); the entries then carry no `source` or `input`.
   * Without one, the files are checked here, one at a time.
   */
  pool?: FilePool | null;
  /**
   * The run's check cache (`openCheckRun`): a file whose key matches is not parsed, and its
   * entry carries no `source` or `input`, as a pooled one. A `keep` entry served from it is
   * held by no worker, so `pool.render` renders it in this thread.
   */
  cache?: RunChecks | null;
}

/**
 * Checks the given files in order, so that large runs need not hold every
 * parsed document (the YAML syntax trees dominate memory) at once. Each entry
 * also carries the bytes it was checked from (build hashes them). With a pool,
 * a few files per worker are in flight and the entries still come in order.
 */
export async function* checkFiles(workspace: Workspace, files: readonly string[], options: CheckFilesOptions = {}): AsyncGenerator<CheckedFile> {
  const { pool, keep, diagnosticsOnly, cache, ...checkOptions } = options;
  // Bound to what changes the entries: keep does not (it only says where the model lives).
  const cached = cache?.bind({ today: checkOptions.today ?? null, diagnosticsOnly: Boolean(diagnosticsOnly) }) ?? null;
  if (pool) {
    yield* checkInPool(workspace, files, pool, cached, { ...checkOptions, keep, diagnosticsOnly });
    return;
  }
  // Loaded on first use: lint lists files through this module and never checks an incident.
  const { checkIncident } = await import('../validate/check-incident.js');
  for await (const { file, read, position, total } of readFiles(workspace, files)) {
    if ('diagnostic' in read) {
      yield { ...unread(file, read.diagnostic), position, total, bytes: null };
      continue;
    }
    const hit = cached?.get(file, read.bytes);
    const checked: CheckedIncident = hit ?? checkIncident(file, read.bytes, workspace.config, checkOptions);
    if (!hit) cached?.set(file, read.bytes, checked);
    yield { ...checked, position, total, bytes: read.bytes };
  }
}

function checkInPool(
  workspace: Workspace,
  files: readonly string[],
  pool: FilePool,
  cached: RunCache | null,
  options: PoolCheckOptions,
): AsyncGenerator<CheckedFile> {
  return inOrder(files, pool.size * IN_FLIGHT_PER_WORKER, async (file, index) => {
    const read = await workspace.readBytes(file);
    const place = { position: index + 1, total: files.length };
    if ('diagnostic' in read) return { ...unread(file, read.diagnostic), ...place, bytes: null };
    const hit = cached?.get(file, read.bytes);
    const checked = hit ?? (await pool.check(file, read.bytes, options));
    if (!hit) cached?.set(file, read.bytes, checked);
    return { ...checked, ...place, bytes: read.bytes };
  });
}

/** A file that could not be read: only the diagnostic saying why. */
function unread(file: string, diagnostic: Diagnostic): CheckedIncident {
  return { file, source: null, input: null, incident: null, diagnostics: [diagnostic] };
}

/** A diagnostic for a run that matched no incident files at all; it sits on the first path named. */
export function noFilesDiagnostic(paths: readonly string[]): Diagnostic {
  return createDiagnostic({
    file: paths[0] ?? '.',
    ruleId: 'schema/no-files',
    severity: 'warning',
    message: `No incident files (*.yaml) found${paths.length > 1 ? ` in ${paths.join(', ')}` : ''}`,
    note: 'Create one with `postmortem new "Title"`.',
  });
}
