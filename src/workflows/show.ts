/**
 * The show use case: one incident, as rendered Markdown or as the normalised
 * model in JSON. A path naming no file or several is a problem with the request.
 * Both carry the incident's "Related incidents", found over the whole folder
 * by the same function as `build`, so the Markdown is the built report.
 *
 * @example
 * const shown = await showWorkflow(workspace, { file: 'postmortems/2024-01-15-checkout.yaml', format: 'json' });
 * if (shown.output !== null) print(shown.output);
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { issueLinksOf } from '../render/issue-link.js';
import { incidentToJson } from '../incident/to-json.js';
import { checkFiles, listIncidentFiles } from './incident-files.js';
import { relatedReports } from './related-reports.js';
import { reportPathFor } from './report-path.js';
import type { Workspace } from './workspace.js';

export interface ShowOptions {
  file: string;
  format: 'md' | 'json';
}

export interface ShowResult {
  /** Set when the request is wrong (no such file, several files, missing templates folder). */
  problem: string | null;
  /** The text to print; null when the incident has errors (see `diagnostics`). */
  output: string | null;
  diagnostics: Diagnostic[];
}

export async function showWorkflow(workspace: Workspace, options: ShowOptions): Promise<ShowResult> {
  const listed = await listIncidentFiles(workspace, [options.file]);
  if (listed.problem !== null) return { problem: listed.problem, output: null, diagnostics: [] };
  if (listed.files.length !== 1) {
    // A Markdown file (a built report, the tracker page) is skipped by the listing, so it names no incident.
    const what = listed.files.length === 0 ? 'is not an incident file (`.yaml` or `.yml`)' : `is a folder of ${listed.files.length} incident files`;
    return { problem: `show takes one incident file; \`${options.file}\` ${what}`, output: null, diagnostics: [] };
  }
  let checked = null;
  for await (const entry of checkFiles(workspace, listed.files)) checked = entry;
  if (!checked?.incident) return { problem: null, output: null, diagnostics: checked?.diagnostics ?? [] };
  const outDir = workspace.config.output ? workspace.displayPath(workspace.config.output) : null;
  const target = reportPathFor(checked.file, outDir);
  const related = (await relatedReports(workspace, [checked], outDir)).of(checked.incident, target);
  if (options.format === 'json') {
    const json = {
      ...incidentToJson(checked.incident, checked.input),
      related: related.map(({ id, title, date, file, report, shared }) => ({ id, title, date, file, report, shared })),
    };
    return { problem: null, output: `${JSON.stringify(json, null, 2)}\n`, diagnostics: [] };
  }
  // Rendering pulls in Handlebars; loaded only when Markdown is asked for.
  const { renderReport } = await import('../render/render.js');
  const { reportKeyOf } = await import('./build.js');
  const loaded = await workspace.loadTemplates();
  if (loaded.problem !== null) return { problem: loaded.problem, output: null, diagnostics: [] };
  // The header carries the key `build` would give the report, so the output is the file a build writes.
  const read = await workspace.readBytes(checked.file);
  const key = 'bytes' in read ? reportKeyOf(workspace, checked.file, read.bytes, loaded.templates, outDir) : undefined;
  return {
    problem: null,
    output: renderReport(checked.incident, loaded.templates, { issueLinks: issueLinksOf(workspace.config.sync), related, key }),
    diagnostics: [],
  };
}
