/**
 * Sync's findings as the shared diagnostic type (`sync/…` rule ids), so that
 * `--format github` turns a failed item, a status conflict or a removed item
 * into an annotation on the YAML line of that action item.
 *
 * @example
 * const diagnostics = syncDiagnostics(results, (file, index) => ({ line: 30, column: 5 }));
 */
import { createDiagnostic, formatFieldPath, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js';
import type { OpResult } from './apply.js';

/** Where an action item is written, or null when the file cannot be read again. */
export type LocateItem = (file: string, index: number) => SourceSpan | null;

/** One diagnostic per failed, conflicting, removed or warned result; successes give none. */
/**
 * `fileOf` names the file of an incident, or, for an incident no file holds
 * any more (its issues are still open on GitHub), the incidents folder: a
 * diagnostic's `file` is always a path, and the message names the incident.
 */
export function syncDiagnostics(results: readonly OpResult[], locate: LocateItem, fileOf: (incident: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const result of results) {
    const { op } = result;
    if (!('item' in op)) {
      if (result.outcome === 'failed' || result.outcome === 'removed') {
        const severity = result.outcome === 'failed' ? 'error' : 'warning';
        const message = `incident \`${op.incident}\`: ${result.message ?? `issue #${op.issue}`}`;
        diagnostics.push(createDiagnostic({ file: fileOf(op.incident), ruleId: `sync/${result.outcome}`, severity, message }));
      }
      continue;
    }
    const at = { file: op.item.file, span: locate(op.item.file, op.item.index), path: formatFieldPath(['action_items', op.item.index]) };
    if (result.outcome === 'failed')
      diagnostics.push(
        createDiagnostic({ ...at, ruleId: 'sync/failed', message: result.message ?? 'sync failed', note: 'Run sync again; it resumes where it stopped.' }),
      );
    if (result.outcome === 'conflict') {
      diagnostics.push(
        createDiagnostic({
          ...at,
          ruleId: 'sync/conflict',
          severity: 'warning',
          message: result.message ?? 'status conflict',
          note: 'Make the YAML and the issue agree, then run sync again.',
        }),
      );
    }
    for (const warning of result.warnings) diagnostics.push(createDiagnostic({ ...at, ruleId: 'sync/warning', severity: 'warning', message: warning }));
  }
  return diagnostics;
}
