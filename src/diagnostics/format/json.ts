/**
 * The machine format: one JSON array, keys as the CLI contract lists them,
 * so scripts can rely on `file`, `line`, `column`, `ruleId`, `path`, ….
 */
import type { Diagnostic } from '../diagnostic.js';

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    path: d.path,
    suggestions: d.suggestions,
    ...(d.expected !== undefined ? { expected: d.expected } : {}),
    ...(d.actual !== undefined ? { actual: d.actual } : {}),
    ...(d.note !== undefined ? { note: d.note } : {}),
    ...(d.url !== undefined ? { url: d.url } : {}),
    ...(d.cause !== undefined ? { cause: d.cause } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
