/**
 * Turns rule findings into diagnostics: the runner, not each rule, stamps
 * the id's message, suggestion, docs URL and severity from the rule
 * catalogue and the configuration, then applies suppressions. Rules only say
 * where they matched.
 *
 * @example
 * const d = blameDiagnostic('a.md', finding, 'Kim took down', span, null, settings);
 * const final = finishDiagnostics('a.md', [d], suppressions, settings);
 */
import { compareDiagnostics, createDiagnostic, type Diagnostic, type Severity, type SourceSpan } from '../diagnostics/diagnostic.js';
import type { LintPhrase, RuleLevel } from '../config/config.js';
import type { Finding } from './rules/finding.js';
import type { RuleId } from '../diagnostics/catalogue.js';
import { RULES, ruleUrl } from '../diagnostics/lint-rules.js';
import { CONFIG_FILE } from '../config/config.js';
import type { StructureFinding } from './rules/structure.js';
import { applySuppressions, ruleMatches, type Suppression } from './suppressions.js';
import { editDistance } from '../diagnostics/suggest.js';
import { showControlChars } from '../diagnostics/printable.js';
import { MODEL_RULE } from './model/finding.js';

/** The `lint:` section of the configuration. */
export interface LintSettings {
  rules: Record<string, RuleLevel>;
  phrases: LintPhrase[];
  allow: string[];
  /** Names treated as people in every file (Markdown has no participant list of its own). */
  people?: string[];
}

export const DEFAULT_LINT_SETTINGS: LintSettings = { rules: {}, phrases: [], allow: [], people: [] };

/** The configured level of a rule: exact id first, then the most specific family. */
export function ruleLevel(ruleId: string, settings: LintSettings): RuleLevel {
  if (settings.rules[ruleId]) return settings.rules[ruleId];
  let best: { length: number; level: RuleLevel } | null = null;
  for (const [pattern, level] of Object.entries(settings.rules)) {
    if (ruleMatches(pattern, ruleId) && (!best || pattern.length > best.length)) best = { length: pattern.length, level };
  }
  return best?.level ?? RULES[ruleId]?.severity ?? 'warning';
}

/**
 * Applies configured levels: drops rules set to `off`, sets severities of the
 * others. A diagnostic in `escalated` (a listed person named as the cause in
 * a root-cause field: unambiguous) is an error unless the configuration sets
 * its rule's level.
 */
export function applyLevels(diagnostics: readonly Diagnostic[], settings: LintSettings, escalated: ReadonlySet<Diagnostic> = new Set()): Diagnostic[] {
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.ruleId.startsWith('blame/') && !d.ruleId.startsWith('structure/')) {
      kept.push(d);
      continue;
    }
    const configured = Object.keys(settings.rules).some((pattern) => ruleMatches(pattern, d.ruleId));
    const level = escalated.has(d) && !configured ? 'error' : ruleLevel(d.ruleId, settings);
    // The model's findings are guesses: no configuration makes them block (`blame/*: error` leaves them warnings).
    const capped = d.ruleId === MODEL_RULE && level === 'error' ? 'warning' : level;
    if (capped !== 'off') kept.push({ ...d, severity: capped as Severity });
  }
  return kept;
}

/** A diagnostic for a blame finding whose text is `actual`. */
export function blameDiagnostic(
  file: string,
  finding: Finding,
  actual: string,
  span: SourceSpan | null,
  path: string | null,
  settings: LintSettings,
): Diagnostic {
  if (finding.family !== undefined) return modelDiagnostic(file, finding, actual, span, path);
  const info = RULES[finding.ruleId];
  const custom = settings.phrases.find((p) => p.rule === finding.ruleId && p.phrase.toLowerCase() === actual.toLowerCase().replace(/\s+/g, ' '));
  // The phrase comes from the file: control characters are shown escaped, never sent to a terminal.
  const shown = showControlChars(actual.replace(/\s+/g, ' '));
  const why = custom?.message ?? info?.why ?? 'the configuration flags this phrase';
  const suggestion = custom?.suggestion ?? info?.suggestion ?? '';
  return createDiagnostic({
    file,
    // Findings carry ids of lint-rules.ts, all of which are in the catalogue (test/shape/catalogue.test.ts).
    ruleId: finding.ruleId as RuleId,
    severity: RULES[finding.ruleId]?.severity ?? 'warning',
    message: info && !custom ? `\`${shown}\`: ${info.summary}; ${why}` : `\`${shown}\`: ${why}`,
    span,
    path,
    expected: 'wording about what the system allowed',
    actual: shown,
    suggestions: suggestion ? [suggestion] : [],
    url: ruleUrl(finding.ruleId),
  });
}

/**
 * A `blame/model` finding: the message names the family the model predicts
 * and the sentence's own words that made it fire, and the suggestion is that
 * family's systemic rewrite.
 */
function modelDiagnostic(file: string, finding: Finding, actual: string, span: SourceSpan | null, path: string | null): Diagnostic {
  const family = RULES[`blame/${finding.family}`];
  const shown = showControlChars(actual.replace(/\s+/g, ' '));
  const cues = (finding.cues ?? []).map((cue) => `"${showControlChars(cue)}"`).join(', ');
  return createDiagnostic({
    file,
    ruleId: MODEL_RULE,
    severity: 'warning',
    message: `\`${shown}\`: reads like ${family?.summary ?? 'blame'} to the blame model${cues ? ` (cues: ${cues})` : ''}; ${family?.why ?? RULES[MODEL_RULE]!.why}`,
    span,
    path,
    expected: 'wording about what the system allowed',
    actual: shown,
    suggestions: family?.suggestion ? [family.suggestion] : [],
    url: ruleUrl(MODEL_RULE),
  });
}

/** A diagnostic for a completeness finding at `span`. */
export function structureDiagnostic(file: string, finding: StructureFinding, span: SourceSpan | null, path: string): Diagnostic {
  const info = RULES[finding.ruleId];
  return createDiagnostic({
    file,
    // Findings carry ids of lint-rules.ts, all of which are in the catalogue (test/shape/catalogue.test.ts).
    ruleId: finding.ruleId as RuleId,
    severity: info?.severity ?? 'warning',
    message: finding.message,
    span,
    path,
    suggestions: info?.suggestion ? [info.suggestion] : [],
    url: ruleUrl(finding.ruleId),
  });
}

/** Configured levels, then suppressions (which report the ones left unused, at their own level), in file order. */
export function finishDiagnostics(
  file: string,
  diagnostics: readonly Diagnostic[],
  suppressions: Suppression[],
  settings: LintSettings,
  escalated?: ReadonlySet<Diagnostic>,
): Diagnostic[] {
  const levelled = applyLevels(diagnostics, settings, escalated);
  const kept = new Set(levelled);
  const final = applySuppressions(file, levelled, suppressions);
  const added = applyLevels(
    final.filter((d) => !kept.has(d)),
    settings,
  );
  return [...final.filter((d) => kept.has(d)), ...added].sort(compareDiagnostics);
}

/**
 * Rule names in `lint.rules` that match no rule: a typo there would silently
 * leave a rule at its default, so it is reported (as a warning, with the
 * closest known id).
 *
 * @example
 * checkRuleNames({ rules: { 'blame/judgment': 'off' }, phrases: [], allow: [] })
 * // [warning: Unknown rule `blame/judgment` in `lint.rules`; did you mean `blame/judgement`?]
 */
export function checkRuleNames(settings: LintSettings): Diagnostic[] {
  const known = Object.keys(RULES);
  const custom = new Set(settings.phrases.map((p) => p.rule));
  return Object.keys(settings.rules)
    .filter((pattern) => !custom.has(pattern) && !known.some((id) => ruleMatches(pattern, id)))
    .map((pattern) => {
      const closest = known.reduce((best, id) => (editDistance(pattern, id) < editDistance(pattern, best) ? id : best));
      return createDiagnostic({
        file: CONFIG_FILE,
        ruleId: 'schema/unknown-rule',
        severity: 'warning',
        message: `Unknown rule \`${pattern}\` in \`lint.rules\`; did you mean \`${closest}\`?`,
        path: `lint.rules[${JSON.stringify(pattern)}]`,
        expected: 'a rule id such as `blame/judgement`, or a family such as `structure/*`',
        actual: pattern,
      });
    });
}
