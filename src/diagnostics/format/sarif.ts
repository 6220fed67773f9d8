/**
 * SARIF 2.1.0, the format GitHub code scanning and other tools import:
 * one run, one tool (`postmortem`) listing the rules that appear (from the
 * catalogue, with their help text), and one
 * result per diagnostic. Built by hand from the `sarif` types: the object is
 * small and this keeps the output deterministic (no timestamps, no paths
 * of the machine that produced it).
 *
 * @example
 * formatSarif([d], { version: '0.1.0' }) // '{ "$schema": …, "version": "2.1.0", "runs": [ … ] }'
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic } from '../diagnostic.js';
import { ruleEntry } from '../catalogue.js';
import { RULES as LINT_RULES } from '../lint-rules.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The SARIF log as an object (tests validate it against the schema). */
export function buildSarif(diagnostics: readonly Diagnostic[], options: { version?: string } = {}): Log {
  const ids = [...new Set(diagnostics.map((d) => d.ruleId))].sort();
  const rules: ReportingDescriptor[] = ids.map((id) => {
    const entry = ruleEntry(id);
    const rule: ReportingDescriptor = { id, shortDescription: { text: entry?.summary ?? id } };
    if (!entry) return rule;
    const lint = LINT_RULES[id];
    rule.fullDescription = { text: lint ? `${entry.summary}: ${lint.why}` : entry.summary };
    // The docs live in the repository, not at a fixed address, so help is text (helpUri must be an absolute URI).
    const advice = lint ? `${lint.why}.${lint.suggestion ? ` ${lint.suggestion}` : ''}` : `${entry.summary.charAt(0).toUpperCase()}${entry.summary.slice(1)}.`;
    rule.help = { text: `${advice} See ${entry.url}.` };
    rule.defaultConfiguration = { level: LEVEL[entry.severity] };
    return rule;
  });
  const results = diagnostics.map((d): Result => {
    const text = [
      d.message,
      d.path ? `(at ${d.path})` : '',
      d.suggestions.length ? `Suggestion: ${d.suggestions.join(' | ')}` : '',
      d.note ? `Hint: ${d.note}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const result: Result = { ruleId: d.ruleId, ruleIndex: ids.indexOf(d.ruleId), level: LEVEL[d.severity], message: { text } };
    const region =
      d.line === null
        ? undefined
        : {
            startLine: d.line,
            startColumn: d.column ?? 1,
            ...(d.endLine !== null ? { endLine: d.endLine } : {}),
            ...(d.endColumn !== null ? { endColumn: d.endColumn } : {}),
          };
    result.locations = [{ physicalLocation: { artifactLocation: { uri: encodeURI(d.file) }, ...(region ? { region } : {}) } }];
    if (d.cause) {
      const { file, line, column, message } = d.cause;
      const causeRegion = line === null ? {} : { region: { startLine: line, startColumn: column ?? 1 } };
      result.relatedLocations = [{ id: 1, message: { text: message }, physicalLocation: { artifactLocation: { uri: encodeURI(file) }, ...causeRegion } }];
    }
    return result;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'postmortem', ...(options.version ? { version: options.version } : {}), rules } }, results }],
  };
}

/** The SARIF log as printed by `--format sarif`. */
export function formatSarif(diagnostics: readonly Diagnostic[], options: { version?: string } = {}): string {
  return `${JSON.stringify(buildSarif(diagnostics, options), null, 2)}\n`;
}
