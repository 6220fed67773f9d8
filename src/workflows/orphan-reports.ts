/**
 * Reports whose incident is gone: renaming or deleting an incident file
 * leaves its generated report behind, and nothing else notices. A generated
 * report (recognised by its header, which names its YAML file) whose YAML no
 * longer exists is listed here; `build --check` fails on it and `build` warns
 * that it can be deleted. Nothing is deleted: the file may hold someone's edits.
 *
 * @example
 * await findOrphanedReports(workspace, { outDir: null, sources: ['postmortems/a.yaml'] })
 * // → [{ report: 'postmortems/old-name.md', source: 'old-name.yaml' }]
 */
import path from 'node:path';
import { createDiagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { generatedReportSource } from '../render/report-file.js';
import { listIncidentFiles } from './incident-files.js';
import type { Workspace } from './workspace.js';

export interface OrphanedReport {
  /** The report, relative to the root. */
  report: string;
  /** The YAML file name its header names, which exists nowhere it could have come from. */
  source: string;
}

/**
 * The orphans among the Markdown files where this build puts reports: `outDir`,
 * or the folders of `sources` and the incidents folder (reports beside their YAML).
 */
export async function findOrphanedReports(workspace: Workspace, options: { outDir: string | null; sources: readonly string[] }): Promise<OrphanedReport[]> {
  const folders = options.outDir ? [options.outDir] : [workspace.config.incidents, ...options.sources.map((file) => path.posix.dirname(file))];
  // A folder that does not exist (no --out folder yet) simply holds no report.
  const { files } = await workspace.findFiles([...new Set(folders)], ['.md'], { fromRoot: true });
  // With --out, reports name their YAML by file name only: any incident file of that name is its source.
  const names = options.outDir
    ? new Set([...options.sources, ...((await listIncidentFiles(workspace, [])).files ?? [])].map((file) => path.posix.basename(file)))
    : null;
  const orphans: OrphanedReport[] = [];
  for (const report of files) {
    const source = generatedReportSource((await workspace.readTextIfExists(report)) ?? '');
    if (source === null) continue;
    const exists = names ? names.has(source) : await workspace.exists(path.posix.join(path.posix.dirname(report), source));
    if (!exists) orphans.push({ report, source });
  }
  return orphans;
}

/** The diagnostic for one orphan: an error for `--check`, a warning for a build that writes. */
export function orphanDiagnostic(orphan: OrphanedReport, severity: Severity): Diagnostic {
  return createDiagnostic({
    file: orphan.report,
    ruleId: 'build/orphaned-report',
    severity,
    message: `\`${orphan.report}\` was generated from \`${orphan.source}\`, which no longer exists; the report can be deleted`,
    note: 'Delete the report (it was generated; the tool does not delete files for you), or restore the incident file it came from.',
  });
}
