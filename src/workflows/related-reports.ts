/**
 * "Related incidents" for rendered reports, worked out one way for `build`
 * and `show` so both print the same list: the relations are computed over
 * every incident of the configured folder (whichever files the command
 * names, so building or showing one file gives the same report as building
 * all), and each related incident carries its report's path from the root
 * and the link to it from the report that lists it.
 *
 * @example
 * const { of: relatedOf } = await relatedReports(workspace, checked, null);
 * relatedOf(incident, 'postmortems/2024-06-02-orders.md')[0]
 * // → { id: '2024-03-09-eu-network', report: 'postmortems/2024-03-09-eu-network.md', link: '2024-03-09-eu-network.md', shared: [...], … }
 */
import path from 'node:path';
import type { Incident } from '../incident/model.js';
import { findRelatedIncidents, type RelatedIncident } from '../report/related.js';
import { checkFiles, listIncidentFiles } from './incident-files.js';
import { reportPathFor } from './report-path.js';
import type { FilePool, Workspace } from './workspace.js';

export interface RelatedReport extends RelatedIncident {
  /** The related incident's report, relative to the repository root. */
  report: string;
  /** The same report, relative to the folder of the report that lists it. */
  link: string;
}

export interface RelatedReports {
  /** The related incidents of `incident`, linked from its report at `target`. */
  of: (incident: Incident, target: string) => RelatedReport[];
  /** The valid incidents of the folder that the command did not name (read here). */
  rest: Incident[];
}

/**
 * The related incidents of each incident, given the files a command already
 * checked (the rest of the folder is read here, or from `restFiles` when the
 * caller has listed it already; in `pool`'s workers when given). `outDir` is the reports
 * folder relative to the root, or null for reports beside their YAML.
 */
export async function relatedReports(
  workspace: Workspace,
  checked: ReadonlyArray<{ file: string; incident: Incident | null }>,
  outDir: string | null,
  restFiles?: readonly string[],
  pool: FilePool | null = null,
): Promise<RelatedReports> {
  const rest: Incident[] = [];
  const files = restFiles ?? (await otherFolderFiles(workspace, checked));
  // Kept in the pool's workers: a partial build may render some of them again.
  for await (const entry of checkFiles(workspace, files, { pool, keep: true })) if (entry.incident) rest.push(entry.incident);
  const related = findRelatedIncidents([...checked.flatMap((entry) => (entry.incident ? [entry.incident] : [])), ...rest]);
  const of = (incident: Incident, target: string) =>
    (related.get(incident.id) ?? []).map((other) => {
      const report = reportPathFor(other.file, outDir);
      return { ...other, report, link: path.posix.relative(path.posix.dirname(target), report) };
    });
  return { of, rest };
}

/** The files of the incidents folder that `checked` does not hold; a missing folder lists none. */
async function otherFolderFiles(workspace: Workspace, checked: ReadonlyArray<{ file: string }>): Promise<string[]> {
  const named = new Set(checked.map((entry) => entry.file));
  const folder = await listIncidentFiles(workspace, []);
  return (folder.files ?? []).filter((file) => !named.has(file));
}
