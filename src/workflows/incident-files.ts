/**
 * Reads and checks every incident file named by PATHS (default: the
 * configured incidents folder). One unreadable or invalid file becomes
 * diagnostics on that file; the others are still checked.
 */
import { UsageError } from '../cli/command.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { checkIncident, type CheckedIncident } from '../validate/check-incident.js';
import { findFiles, readBytes, type Workspace } from '../io/workspace.js';

export const INCIDENT_EXTENSIONS = ['.yaml', '.yml'] as const;
const READ_AHEAD = 8;

export async function loadIncidentFiles(workspace: Workspace, paths: readonly string[]): Promise<CheckedIncident[]> {
  const checked: CheckedIncident[] = [];
  for await (const entry of iterateIncidentFiles(workspace, paths)) checked.push(entry);
  return checked;
}

/**
 * The same, one file at a time, so that large runs need not hold every
 * parsed document (the YAML syntax trees dominate memory) at once.
 */
export async function* iterateIncidentFiles(
  workspace: Workspace,
  paths: readonly string[],
): AsyncGenerator<CheckedIncident & { position: number; total: number }> {
  yield* checkFiles(workspace, await listIncidentFiles(workspace, paths));
}

/** The incident files PATHS name (default: the incidents folder); a missing path is a usage error. */
export async function listIncidentFiles(workspace: Workspace, paths: readonly string[]): Promise<string[]> {
  const named = paths.length > 0 ? paths : [workspace.config.incidents];
  const { files, missing } = await findFiles(workspace.root, named, INCIDENT_EXTENSIONS);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  return files;
}

/** Checks the given files (paths relative to the root) one at a time, in order. */
export async function* checkFiles(
  workspace: Workspace,
  files: readonly string[],
): AsyncGenerator<CheckedIncident & { position: number; total: number }> {
  // Reads run a few files ahead, so the disk works while the CPU checks.
  const reads = files.slice(0, READ_AHEAD).map((file) => readBytes(workspace.root, file));
  for (const [index, file] of files.entries()) {
    const read = await reads[index]!;
    const next = files[index + READ_AHEAD];
    if (next !== undefined) reads.push(readBytes(workspace.root, next));
    delete reads[index];
    const checked: CheckedIncident =
      'diagnostic' in read
        ? { file, source: null, input: null, incident: null, diagnostics: [read.diagnostic] }
        : checkIncident(file, read.bytes, workspace.config);
    yield { ...checked, position: index + 1, total: files.length };
  }
}

/** A diagnostic for a run that matched no incident files at all. */
export function noFilesDiagnostic(paths: readonly string[]) {
  return createDiagnostic({
    file: paths.join(', ') || '.',
    ruleId: 'schema/no-files',
    severity: 'warning',
    message: 'No incident files (*.yaml) found',
    note: 'Create one with `postmortem new "Title"`.',
  });
}
