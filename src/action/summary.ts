/**
 * The job summary (`$GITHUB_STEP_SUMMARY`): what the run found, as a table
 * of every finding that fits and each incident's metrics. GitHub refuses a
 * step summary over 1 MiB, so the findings table stops below that and says
 * how many rows it left out; annotations GitHub would not show are counted.
 *
 * @example
 * const markdown = buildSummary({ command: 'check', files: 3, diagnostics, incidents, notes: [] }, plan.omitted);
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { escapeBlock } from '../render/escape.js';
import { byteLength, findingsTable, metricsTable, type IncidentRow } from './findings-table.js';
import type { ActionCommand } from './inputs.js';

/** GitHub's limit for one step's summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept for the headline, notes and metrics around the findings table. */
const SUMMARY_MARGIN_BYTES = 64 * 1024;

/** What one run of the Action did, for the summary and the comment. */
export interface RunReport {
  command: ActionCommand;
  /** Files read. */
  files: number;
  diagnostics: Diagnostic[];
  incidents: IncidentRow[];
  /** Plain sentences about the run itself (files unavailable, comment refused, …). */
  notes: string[];
  /** Plain lines of what changed (sync results, files written), shown as a list. */
  changes?: string[];
  /** Files the run wrote (relative to the root), for commit mode. */
  written?: string[];
}

/** Counts by severity. */
export function countFindings(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** "2 errors, 1 warning" or "no findings". */
export function describeCounts(counts: Record<Severity, number>): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : 'no errors or warnings';
}

/** The Markdown for the step summary, always under `SUMMARY_LIMIT_BYTES`. */
export function buildSummary(report: RunReport, omittedAnnotations: Record<Severity, number>): string {
  const counts = countFindings(report.diagnostics);
  const sections = [`## Post-mortems: \`${report.command}\` found ${describeCounts(counts)} in ${plural(report.files, 'file') ?? '0 files'}\n`];
  if (report.notes.length > 0) sections.push(report.notes.map((note) => `> ${escapeBlock(note)}\n`).join('>\n'));
  if (report.changes && report.changes.length > 0) sections.push(`### Changes\n\n${report.changes.map((line) => `- ${escapeBlock(line)}\n`).join('')}`);
  const metrics = metricsTable(report.incidents);
  const used = sections.reduce((sum, s) => sum + byteLength(s), 0) + byteLength(metrics);
  const table = findingsTable(report.diagnostics, SUMMARY_LIMIT_BYTES - SUMMARY_MARGIN_BYTES - used);
  if (table.markdown) {
    const left =
      table.omitted > 0
        ? `\n${table.omitted} more finding${table.omitted === 1 ? '' : 's'} not shown: the summary is limited to 1 MiB. Run \`npx postmortem lint\` locally for all of them.\n`
        : '';
    sections.push(`### Findings\n\n${table.markdown}${left}`);
  }
  const hidden = omittedLine(omittedAnnotations);
  if (hidden) sections.push(hidden);
  if (metrics) sections.push(`### Metrics\n\n${metrics}`);
  return `${sections.join('\n')}`;
}

function omittedLine(omitted: Record<Severity, number>): string | null {
  const parts = [plural(omitted.error, 'error'), plural(omitted.warning, 'warning'), plural(omitted.info, 'notice')].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return `${parts.join(', ')} not annotated on the diff: GitHub shows at most 10 annotations of each level per step; the findings table lists every finding that fits the summary.\n`;
}

function plural(count: number, noun: string): string | null {
  return count === 0 ? null : `${count} ${noun}${count === 1 ? '' : 's'}`;
}
