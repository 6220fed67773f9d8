/**
 * `postmortem init`: set up a repository in one step. Plans the starter
 * files (the example incident, its rendered report, the configuration and
 * the workflow) against what exists (create, unchanged, or a conflict), and
 * writes only when nothing would be overwritten, or with `force`. A second
 * run finds every file unchanged and writes nothing.
 *
 * @example
 * const result = await initWorkflow(workspace, { force: false });
 * // result.conflicts → ['postmortem.config.yaml'] when that file exists with other text
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { issueLinksOf } from '../render/issue-link.js';
import { renderReport } from '../render/render.js';
import { reportKeyOf } from './build.js';
import { checkIncident } from '../validate/check-incident.js';
import { CONFIG_PATH, CONFIG_YAML, EXAMPLE_INCIDENT, EXAMPLE_YAML, WORKFLOW_PATH, WORKFLOW_YAML } from './init-files.js';
import type { Workspace } from './workspace.js';

/** What init needs of the workspace. */
export type InitWorkspace = Pick<Workspace, 'config' | 'toolVersion' | 'readTextIfExists' | 'writeText' | 'loadTemplates'>;

export type InitState = 'create' | 'unchanged' | 'replace' | 'conflict';

export interface InitEntry {
  path: string;
  contents: string;
  state: InitState;
}

export interface InitOptions {
  force: boolean;
}

export interface InitResult {
  entries: InitEntry[];
  /** Paths that exist with other text and were left alone (empty with `force`). */
  conflicts: string[];
  /** Why the example's report was not rendered (a configuration that rejects the example, a missing templates folder). */
  diagnostics: Diagnostic[];
  problem: string | null;
}

/** The starter files, with the example's report rendered by the workspace's templates. */
export async function starterFiles(
  workspace: InitWorkspace,
): Promise<{ files: Array<{ path: string; contents: string }>; diagnostics: Diagnostic[]; problem: string | null }> {
  const files = [
    { path: EXAMPLE_INCIDENT, contents: EXAMPLE_YAML },
    { path: CONFIG_PATH, contents: CONFIG_YAML },
    { path: WORKFLOW_PATH, contents: WORKFLOW_YAML },
  ];
  const loaded = await workspace.loadTemplates();
  if (loaded.problem !== null) return { files, diagnostics: [], problem: loaded.problem };
  const checked = checkIncident(EXAMPLE_INCIDENT, EXAMPLE_YAML, workspace.config);
  // The example is fixed text; only a configuration with another severity scale rejects it.
  if (!checked.incident) return { files, diagnostics: checked.diagnostics, problem: null };
  // Stamped with the key a build would give it, so `build --check` right after `init` passes.
  const key = reportKeyOf(workspace, EXAMPLE_INCIDENT, new TextEncoder().encode(EXAMPLE_YAML), loaded.templates, workspace.config.output);
  const report = renderReport(checked.incident, loaded.templates, { issueLinks: issueLinksOf(workspace.config.sync), key });
  files.splice(1, 0, { path: EXAMPLE_INCIDENT.replace(/\.yaml$/, '.md'), contents: report });
  return { files, diagnostics: [], problem: null };
}

/** Compares each starter file with what is there. */
export function planInit(files: ReadonlyArray<{ path: string; contents: string }>, existing: ReadonlyArray<string | null>, force: boolean): InitEntry[] {
  return files.map((file, index) => {
    const current = existing[index] ?? null;
    const state: InitState = current === null ? 'create' : current === file.contents ? 'unchanged' : force ? 'replace' : 'conflict';
    return { ...file, state };
  });
}

/** Plans, then writes every new or replaced file, or nothing when any file would be overwritten without `force`. */
export async function initWorkflow(workspace: InitWorkspace, options: InitOptions): Promise<InitResult> {
  const { files, diagnostics, problem } = await starterFiles(workspace);
  const existing = await Promise.all(files.map((file) => workspace.readTextIfExists(file.path)));
  const entries = planInit(files, existing, options.force);
  const conflicts = entries.filter((entry) => entry.state === 'conflict').map((entry) => entry.path);
  if (conflicts.length > 0 || problem !== null) return { entries, conflicts, diagnostics, problem };
  for (const entry of entries) if (entry.state === 'create' || entry.state === 'replace') await workspace.writeText(entry.path, entry.contents);
  return { entries, conflicts, diagnostics, problem };
}
