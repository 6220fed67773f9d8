/**
 * SARIF 2.1.0, the format GitHub code scanning and other tools import:
 * one run, one tool (`postmortem`) listing the rules that appear, and one
 * result per diagnostic. Built by hand from the `sarif` types: the object is
 * small and this keeps the output deterministic (no timestamps, no paths
 * of the machine that produced it).
 *
 * @example
 * formatSarif([d], { version: '0.1.0' }) // '{ "$schema": …, "version": "2.1.0", "runs": [ … ] }'
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic } from '../diagnostic.js';
import { RULES, ruleUrl } from '../lint-rules.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The SARIF log as an object (tests validate it against the schema). */
export function buildSarif(diagnostics: readonly Diagnostic[], options: { version?: string } = {}): Log {
  const ids = [...new Set(diagnostics.map((d) => d.ruleId))].sort();
  const rules: ReportingDescriptor[] = ids.map((id) => {
    const info = RULES[id];
    const rule: ReportingDescriptor = { id, shortDescription: { text: info?.summary ?? id } };
    if (info) {
      rule.fullDescription = { text: `${info.summary}: ${info.why}` };
      // The docs live in the repository, not at a fixed address, so help is text (helpUri must be an absolute URI).
      rule.help = { text: `${info.why}.${info.suggestion ? ` ${info.suggestion}` : ''} See ${ruleUrl(id)}.` };
      rule.defaultConfiguration = { level: LEVEL[info.severity] };
    }
    return rule;
  });
  const results = diagnostics.map((d): Result => {
    const text = [d.message, d.path ? `(at ${d.path})` : '', d.suggestions.length ? `Suggestion: ${d.suggestions.join(' | ')}` : '', d.note ? `Hint: ${d.note}` : '']
      .filter(Boolean)
      .join(' ');
    const result: Result = { ruleId: d.ruleId, ruleIndex: ids.indexOf(d.ruleId), level: LEVEL[d.severity], message: { text } };
    const region = d.line === null ? undefined : {
      startLine: d.line,
      startColumn: d.column ?? 1,
      ...(d.endLine !== null ? { endLine: d.endLine } : {}),
      ...(d.endColumn !== null ? { endColumn: d.endColumn } : {}),
    };
    result.locations = [{ physicalLocation: { artifactLocation: { uri: encodeURI(d.file) }, ...(region ? { region } : {}) } }];
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
