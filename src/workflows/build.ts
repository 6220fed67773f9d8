/**
 * The build stage over many files: render each valid incident and compare it
 * with what is on disk. `planBuild` only reads; `applyBuild` writes the
 * changed reports atomically. A failing incident is reported and skipped;
 * the others are still built.
 *
 * @example
 * const plan = await planBuild(workspace, ['postmortems/'], { outDir: null });
 * if (plan.items && !check) await applyBuild(workspace, plan.items);
 */
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { renderReport } from '../render/render.js';
import { checkFiles, listIncidentFiles } from './incident-files.js';
import { findOrphanedReports, type OrphanedReport } from './orphan-reports.js';
import { relatedReports } from './related-reports.js';
import { reportPathFor } from './report-path.js';
import type { Workspace } from './workspace.js';

export type BuildState = 'unchanged' | 'changed' | 'missing' | 'failed';

export interface BuildItem {
  file: string;
  /** The report path, relative to the root; null when the incident failed. */
  target: string | null;
  state: BuildState;
  markdown: string | null;
  diagnostics: Diagnostic[];
}

export interface BuildOptions {
  /** Folder for reports; null puts each report beside its YAML file. */
  outDir: string | null;
  onProgress?: (done: number, total: number) => void;
  /** `--check`: nothing will be written, so the target folders need not be writable. */
  check?: boolean;
}

/** What `planBuild` found: the items, or the problem with the request (a missing path or templates folder; the CLI exits 2). */
export type BuildPlan =
  | { items: BuildItem[]; problem: null; skipped?: string[]; orphans?: OrphanedReport[]; templateWarnings?: Diagnostic[] }
  | { items: null; problem: string; diagnostics?: Diagnostic[] };

/** Renders every incident PATHS name and compares it with its report on disk; writes nothing. */
export async function planBuild(workspace: Workspace, paths: readonly string[], options: BuildOptions): Promise<BuildPlan> {
  const listed = await listIncidentFiles(workspace, paths);
  if (listed.problem !== null) return { items: null, problem: listed.problem };
  const outDir = options.outDir ?? workspace.config.output;
  const relativeOut = outDir ? workspace.displayPath(outDir) : null;
  // Before any rendering: an unwritable target is refused at once, not once per report.
  if (!options.check) {
    const folders = relativeOut ? [relativeOut] : [...new Set(listed.files.map((file) => path.posix.dirname(file)))];
    for (const folder of folders) {
      const problem = await workspace.writableFolderProblem(folder);
      if (problem !== null) return { items: null, problem };
    }
  }
  const plan = await planFiles(workspace, listed.files, options);
  if (plan.problem !== null) return plan;
  const orphans = await findOrphanedReports(workspace, { outDir: relativeOut, sources: listed.files });
  return { ...plan, skipped: listed.skipped ?? [], orphans };
}

/** Renders and compares the given files in this thread, in order. */
export async function planFiles(workspace: Workspace, files: readonly string[], options: BuildOptions): Promise<BuildPlan> {
  const loaded = await workspace.loadTemplates();
  if (loaded.problem !== null) return { items: null, problem: loaded.problem, diagnostics: loaded.diagnostics ?? [] };
  const { templates } = loaded;
  const outDir = options.outDir ?? workspace.config.output;
  const relativeOut = outDir ? workspace.displayPath(outDir) : null;
  const items: BuildItem[] = [];
  const sourceOf = new Map<string, string>();
  // Checked first, rendered second: "Related incidents" needs every incident of the folder.
  const checked = [];
  for await (const entry of checkFiles(workspace, files)) {
    options.onProgress?.(entry.position, entry.total);
    // The parsed YAML tree is dropped: thousands of them would not fit in memory.
    checked.push({ ...entry, source: null });
  }
  const relatedOf = await relatedReports(workspace, checked, relativeOut);
  for (const entry of checked) {
    if (!entry.incident) {
      items.push({ file: entry.file, target: null, state: 'failed', markdown: null, diagnostics: entry.diagnostics });
      continue;
    }
    const target = reportPathFor(entry.file, relativeOut);
    const earlier = sourceOf.get(target);
    if (earlier !== undefined) {
      // Two incidents with the same file name in different folders would overwrite one report.
      const diagnostic = createDiagnostic({
        file: entry.file,
        ruleId: 'build/duplicate-report',
        message: `Its report \`${target}\` is also the report of \`${earlier}\``,
        note: 'Rename one of the incident files, or build the folders into different --out folders.',
        cause: { file: earlier, line: null, column: null, message: `the incident whose report is also \`${target}\`` },
      });
      items.push({ file: entry.file, target: null, state: 'failed', markdown: null, diagnostics: [diagnostic] });
      continue;
    }
    sourceOf.set(target, entry.file);
    const existing = await workspace.readTextIfExists(target);
    const markdown = renderReport(entry.incident, templates, { repo: workspace.config.sync.repo, existing, related: relatedOf(entry.incident, target) });
    const state: BuildState = existing === null ? 'missing' : existing === markdown ? 'unchanged' : 'changed';
    items.push({ file: entry.file, target, state, markdown, diagnostics: entry.diagnostics });
  }
  return { items, problem: null, templateWarnings: loaded.diagnostics ?? [] };
}

/** Writes every report that is missing or changed; returns how many were written. */
export async function applyBuild(workspace: Workspace, items: readonly BuildItem[]): Promise<{ written: number; failures: Diagnostic[] }> {
  let written = 0;
  const failures: Diagnostic[] = [];
  for (const item of items) {
    if ((item.state === 'missing' || item.state === 'changed') && item.target && item.markdown !== null) {
      try {
        await workspace.writeText(item.target, item.markdown, { durable: false });
        written++;
      } catch (error) {
        // One report that cannot be written (a folder in the way, no permission) does not stop the others.
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
        failures.push(createDiagnostic({ file: item.file, ruleId: 'build/write-failed', message: `Cannot write \`${item.target}\` (${code})` }));
      }
    }
  }
  return { written, failures };
}
