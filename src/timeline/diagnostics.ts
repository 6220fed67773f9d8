/**
 * What a timeline run says about the lines it did not use: unreadable and
 * over-long lines per log (warnings, never fatal), no matching line at all,
 * and entries left out by `--max`. Every line of a log is accounted for.
 *
 * @example
 * scanDiagnostics(scan, 'req_1') // → [{ ruleId: 'timeline/unparsable-lines', severity: 'warning', … }]
 */
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ScanResult } from './scan-log.js';
import type { TimelinePlan } from './select-entries.js';

export function scanDiagnostics(scan: ScanResult, id: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (scan.unparsable > 0) {
    const lines = scan.unparsableLines.join(', ') + (scan.unparsable > scan.unparsableLines.length ? ', …' : '');
    diagnostics.push(
      createDiagnostic({
        file: scan.file,
        line: scan.unparsableLines[0] ?? null,
        column: scan.unparsableLines.length > 0 ? 1 : null,
        ruleId: 'timeline/unparsable-lines',
        severity: 'warning',
        message: `${plural(scan.unparsable, 'line')} with \`${id}\` could not be read as a log record (line ${lines}); skipped`,
        expected: 'JSON lines, logfmt, or a line starting with a date and time',
        note: 'A record needs a readable time and the id in a correlation field (see --id-field).',
      }),
    );
  }
  if (scan.tooLong > 0) {
    diagnostics.push(
      createDiagnostic({
        file: scan.file,
        ruleId: 'timeline/long-lines',
        severity: 'warning',
        message: `${plural(scan.tooLong, 'line')} longer than 1 MiB skipped`,
      }),
    );
  }
  return diagnostics;
}

export function planDiagnostics(incidentFile: string, plan: TimelinePlan, id: string, max: number | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (plan.matched === 0) {
    diagnostics.push(
      createDiagnostic({
        file: incidentFile,
        ruleId: 'timeline/no-matches',
        severity: 'warning',
        message: `No log line carries \`${id}\` (or a child of it) in a correlation field`,
        note: 'Check the id, or name the field that holds it with --id-field.',
      }),
    );
  }
  if (plan.leftOut > 0) {
    diagnostics.push(
      createDiagnostic({
        file: incidentFile,
        ruleId: 'timeline/max-entries',
        severity: 'info',
        message: `${plural(plan.leftOut, 'more entry', 'more entries')} not merged (--max ${max}); the earliest ${plan.entries.length} were`,
      }),
    );
  }
  return diagnostics;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
