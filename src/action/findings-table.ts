/**
 * The Markdown tables the job summary and the pull-request comment share:
 * findings (most severe first) and each incident's response metrics. User
 * text is escaped for a table cell, and a table stops before a byte budget
 * so the page stays under GitHub's size limits.
 *
 * @example
 * const { markdown, omitted } = findingsTable(diagnostics, 60_000);
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Metrics } from '../incident/metrics.js';
import { escapeCell } from '../render/escape.js';
import { formatDuration } from '../incident/time.js';
import { compareBySeverity } from './annotations.js';

/** One incident's line in the metrics table. */
export interface IncidentRow {
  file: string;
  title: string;
  severity: string;
  status: string;
  metrics: Metrics;
}

const LEVEL_LABEL = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;

/** Bytes of UTF-8, the unit GitHub's limits are stated in. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The findings as a table, rows added while they fit in `budget` bytes; `omitted` counts the rest. */
export function findingsTable(diagnostics: readonly Diagnostic[], budget: number): { markdown: string; omitted: number } {
  if (diagnostics.length === 0) return { markdown: '', omitted: 0 };
  const header = '| Severity | Where | Rule | Finding |\n|---|---|---|---|\n';
  let markdown = header;
  let used = byteLength(header);
  let rows = 0;
  for (const diagnostic of [...diagnostics].sort(compareBySeverity)) {
    const row = findingRow(diagnostic);
    const size = byteLength(row);
    if (used + size > budget) break;
    markdown += row;
    used += size;
    rows++;
  }
  return { markdown: rows > 0 ? markdown : '', omitted: diagnostics.length - rows };
}

function findingRow(d: Diagnostic): string {
  const where = d.line === null ? d.file : `${d.file}:${d.line}${d.column === null ? '' : `:${d.column}`}`;
  const hint = [d.note ? `Hint: ${d.note}` : '', d.suggestions.length > 0 ? `Suggestion: ${d.suggestions.join(' / ')}` : ''].filter(Boolean);
  const finding = [d.message, ...hint].map(escapeCell).join('<br>');
  return `| ${LEVEL_LABEL[d.severity]} | ${escapeCell(where)} | \`${d.ruleId.replace(/`/g, "'")}\` | ${finding} |\n`;
}

/** Each incident's metrics; a missing metric shows as a dash, never a guess. */
export function metricsTable(incidents: readonly IncidentRow[]): string {
  if (incidents.length === 0) return '';
  const show = (seconds: number | null) => (seconds === null ? '—' : formatDuration(seconds));
  const header = '| Incident | Severity | Status | Detect | Acknowledge | Mitigate | Resolve |\n|---|---|---|---|---|---|---|\n';
  const rows = incidents.map((row) => {
    const m = row.metrics;
    return `| ${escapeCell(row.title)}<br>${escapeCell(row.file)} | ${escapeCell(row.severity)} | ${escapeCell(row.status)} | ${show(m.timeToDetect)} | ${show(m.timeToAcknowledge)} | ${show(m.timeToMitigate)} | ${show(m.timeToResolve)} |\n`;
  });
  return header + rows.join('');
}
