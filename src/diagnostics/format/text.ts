/**
 * The human format: diagnostics grouped by file, positions first so that
 * terminals and editors can jump to them, and a count at the end.
 *
 * @example
 * formatText([d]) // "postmortems/a.yaml\n  3:5-3:16  error  Unknown field `sumary` at sumary  schema/unknown-field\n…"
 */
import type { Diagnostic, Severity } from '../diagnostic.js';

const COLOURS: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };
const RESET = '\u001b[0m';
const DIM = '\u001b[2m';

export function formatPosition(d: Diagnostic): string {
  if (d.line === null) return '-';
  const start = `${d.line}:${d.column ?? 1}`;
  if (d.endLine === null || (d.endLine === d.line && d.endColumn === d.column)) return start;
  return `${start}-${d.endLine}:${d.endColumn ?? 1}`;
}

/** One diagnostic on one line, as tests and the README show them. */
export function formatLine(d: Diagnostic): string {
  const where = d.path ? ` (${d.path})` : '';
  return `${formatPosition(d)} ${d.severity} ${d.message}${where} ${d.ruleId}`;
}

/** The related place as `3:5` in the same file, or `other.yaml:3:5` (the github format words it the same). */
export function causePlace(cause: NonNullable<Diagnostic['cause']>, file: string): string {
  const position = cause.line === null ? '' : `${cause.line}:${cause.column ?? 1}`;
  if (cause.file === file) return position || cause.file;
  return position ? `${cause.file}:${position}` : cause.file;
}

export function formatText(diagnostics: readonly Diagnostic[], options: { colour?: boolean } = {}): string {
  const paint = (code: string, text: string) => (options.colour ? `${code}${text}${RESET}` : text);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(file);
    const width = Math.max(...list.map((d) => formatPosition(d).length));
    for (const d of list) {
      // Always, as the github format does: a message that quotes a name (`sumary`) does not say it is the top level.
      const where = d.path ? ` ${paint(DIM, `at ${d.path}`)}` : '';
      lines.push(`  ${formatPosition(d).padEnd(width)}  ${paint(COLOURS[d.severity], d.severity.padEnd(7))}  ${d.message}${where}  ${paint(DIM, d.ruleId)}`);
      const indent = ' '.repeat(width + 13);
      if (d.expected !== undefined || d.actual !== undefined) {
        const parts = [d.expected !== undefined ? `expected ${d.expected}` : null, d.actual !== undefined ? `found ${d.actual}` : null];
        lines.push(indent + parts.filter((part) => part !== null).join(', '));
      }
      if (d.suggestions.length > 0) lines.push(`${indent}suggestion: ${d.suggestions.join(' | ')}`);
      if (d.note) lines.push(`${indent}hint: ${d.note}`);
      if (d.cause) lines.push(`${indent}see: ${causePlace(d.cause, file)}: ${d.cause.message}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(diagnostics));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  if (diagnostics.length === 0) return 'No problems found.';
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'info', 'infos')];
  return `${parts.join(', ')} in ${plural(files, 'file')}`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
