/**
 * The validate use case: check every incident file PATHS name against the
 * contract. Only diagnostics are kept, not the parsed documents.
 *
 * @example
 * const { files, diagnostics } = await validateWorkflow(workspace, { paths: [] });
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYamlSource } from '../load/parse.js';
import type { LoadResult } from '../load/source.js';
import { openCheckRun } from './check-cache.js';
import { checkFiles, listIncidentFiles, noFilesDiagnostic } from './incident-files.js';
import { duplicateIdDiagnostic, idRecord, incidentIdOwners, type IdRecord } from './incident-ids.js';
import type { Workspace } from './workspace.js';

export interface ValidateOptions {
  /** Files or folders, relative to the root; empty means the configured incidents folder. */
  paths: readonly string[];
  /** YYYY-MM-DD, for the policy limits on time in draft / review; without it they are not checked. */
  today?: string | null;
}

export interface ValidateResult {
  /** Set when the request itself is wrong (a named path does not exist); nothing was checked. */
  problem: string | null;
  /** How many files were checked. */
  files: number;
  /** Sorted; includes a `schema/no-files` warning when nothing matched. */
  diagnostics: Diagnostic[];
  /** Files named outright that are not YAML; not checked. */
  skipped: string[];
}

export async function validateWorkflow(workspace: Workspace, options: ValidateOptions): Promise<ValidateResult> {
  const listed = await listIncidentFiles(workspace, options.paths);
  if (listed.problem !== null) return { problem: listed.problem, files: 0, diagnostics: [], skipped: [] };
  const diagnostics: Diagnostic[] = [];
  const records: IdRecord[] = [];
  const cached = { today: options.today ?? null, diagnosticsOnly: true };
  const run = await openCheckRun(workspace, listed.files, cached);
  try {
    const checks = { ...cached, pool: run.pool, cache: run.checks };
    for await (const checked of checkFiles(workspace, listed.files, checks)) {
      diagnostics.push(...checked.diagnostics);
      records.push(checked.id ?? idRecord(checked.file, checked.source));
    }
  } finally {
    await run.close();
  }
  // Ids are unique across the whole folder, also when PATHS names one file of it.
  const owners = await incidentIdOwners(workspace, (file) => loadForId(workspace, file), records);
  for (const record of records) {
    const duplicate = duplicateIdDiagnostic(record, owners);
    if (duplicate) diagnostics.push(duplicate);
  }
  diagnostics.sort(compareDiagnostics);
  if (listed.files.length === 0) diagnostics.push(noFilesDiagnostic(options.paths.length ? options.paths : [workspace.config.incidents]));
  return { problem: null, files: listed.files.length, diagnostics, skipped: listed.skipped ?? [] };
}

async function loadForId(workspace: Workspace, file: string): Promise<LoadResult> {
  const read = await workspace.readBytes(file);
  return 'diagnostic' in read ? { data: null, source: null, diagnostics: [] } : parseYamlSource(file, read.bytes);
}
