/**
 * The validate use case: check every incident file PATHS name against the
 * contract. Only diagnostics are kept, not the parsed documents.
 *
 * @example
 * const { files, diagnostics } = await validateWorkflow(workspace, { paths: [] });
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkFiles, listIncidentFiles, noFilesDiagnostic } from './incident-files.js';
import type { Workspace } from './workspace.js';

export interface ValidateOptions {
  /** Files or folders, relative to the root; empty means the configured incidents folder. */
  paths: readonly string[];
}

export interface ValidateResult {
  /** Set when the request itself is wrong (a named path does not exist); nothing was checked. */
  problem: string | null;
  /** How many files were checked. */
  files: number;
  /** Sorted; includes a `schema/no-files` warning when nothing matched. */
  diagnostics: Diagnostic[];
}

export async function validateWorkflow(workspace: Workspace, options: ValidateOptions): Promise<ValidateResult> {
  const listed = await listIncidentFiles(workspace, options.paths);
  if (listed.problem !== null) return { problem: listed.problem, files: 0, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  for await (const checked of checkFiles(workspace, listed.files)) diagnostics.push(...checked.diagnostics);
  diagnostics.sort(compareDiagnostics);
  if (listed.files.length === 0) diagnostics.push(noFilesDiagnostic(options.paths.length ? options.paths : [workspace.config.incidents]));
  return { problem: null, files: listed.files.length, diagnostics };
}
