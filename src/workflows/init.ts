/**
 * `postmortem init`: set up a repository in one step. Plans the starter
 * files against what exists (create, unchanged, or a conflict), and writes
 * only when nothing would be overwritten, or with `force`. A second run
 * finds every file unchanged and writes nothing.
 *
 * @example
 * const result = await runInit(files, { force: false, render });
 * // result.conflicts → ['postmortem.config.yaml'] when that file exists with other text
 */
import { CONFIG_PATH, CONFIG_YAML, EXAMPLE_INCIDENT, EXAMPLE_YAML, WORKFLOW_PATH, WORKFLOW_YAML } from './init-files.js';

/** What init needs from the file system: relative paths, whole files. */
export interface InitFiles {
  /** The file's text, or null when it does not exist. */
  read(path: string): Promise<string | null>;
  /** Writes atomically, creating folders. */
  write(path: string, contents: string): Promise<void>;
}

export type InitState = 'create' | 'unchanged' | 'replace' | 'conflict';

export interface InitEntry {
  path: string;
  contents: string;
  state: InitState;
}

export interface InitOptions {
  force: boolean;
  /** Renders the example's report from its path and YAML text; null when it cannot. */
  render: (file: string, yaml: string) => string | null | Promise<string | null>;
}

export interface InitResult {
  entries: InitEntry[];
  /** Paths that exist with other text and were left alone (empty with `force`). */
  conflicts: string[];
}

/** The starter files with their rendered example report. */
export async function starterFiles(render: InitOptions['render']): Promise<Array<{ path: string; contents: string }>> {
  const files = [
    { path: EXAMPLE_INCIDENT, contents: EXAMPLE_YAML },
    { path: CONFIG_PATH, contents: CONFIG_YAML },
    { path: WORKFLOW_PATH, contents: WORKFLOW_YAML },
  ];
  const report = await render(EXAMPLE_INCIDENT, EXAMPLE_YAML);
  if (report !== null) files.splice(1, 0, { path: EXAMPLE_INCIDENT.replace(/\.yaml$/, '.md'), contents: report });
  return files;
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
export async function runInit(io: InitFiles, options: InitOptions): Promise<InitResult> {
  const files = await starterFiles(options.render);
  const existing = await Promise.all(files.map((file) => io.read(file.path)));
  const entries = planInit(files, existing, options.force);
  const conflicts = entries.filter((entry) => entry.state === 'conflict').map((entry) => entry.path);
  if (conflicts.length > 0) return { entries, conflicts };
  for (const entry of entries) if (entry.state === 'create' || entry.state === 'replace') await io.write(entry.path, entry.contents);
  return { entries, conflicts };
}
