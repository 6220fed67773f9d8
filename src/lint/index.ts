/**
 * The public lint API: diagnostics for one YAML incident or one Markdown
 * post-mortem, given its text and the `lint:` settings. Pure: the caller
 * reads the file; nothing here touches the file system.
 *
 * @example
 * const diagnostics = lintIncidentSource('postmortems/2024-01-15-checkout.yaml', text);
 * const more = lintMarkdown('postmortems/2024-01-15-checkout.md', markdown, { settings });
 */
import { LineCounter, visit, type Node } from 'yaml';
import { compareDiagnostics, createDiagnostic, formatFieldPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePath, parseYamlSource, spanOfRange, type YamlSource } from '../load/parse.js';
import { sourceRange, type OffsetMap } from './sources/align.js';
import { extractMarkdownProse, remarkBlocks } from './sources/markdown.js';
import { createPeople, type People } from './grammar/people.js';
import { lintProse } from './prose.js';
import { applyLevels, blameDiagnostic, DEFAULT_LINT_SETTINGS, type LintSettings } from './runner.js';
import type { RuleId } from '../diagnostics/catalogue.js';
import { RULES, ruleUrl } from '../diagnostics/lint-rules.js';
import { checkStructure } from './rules/structure.js';
import { applySuppressions, parseDirectives, yamlDirectives, type Suppression } from './suppressions.js';
import { extractYamlProse, namesInYaml } from './sources/yaml-prose.js';

export { lintProse, type Finding, type ProseOptions } from './prose.js';
export { createPeople, type People } from './grammar/people.js';
export { RULES, BLAME_RULES, type RuleInfo } from '../diagnostics/lint-rules.js';
export { checkRuleNames, DEFAULT_LINT_SETTINGS, type LintSettings } from './runner.js';
export { default as retextPostmortem, type RetextPostmortemOptions } from './retext-plugin.js';

export interface LintOptions {
  settings?: LintSettings;
  /** Extra names to treat as people, besides those the file lists. */
  people?: readonly string[];
}

/** Lints the prose fields and completeness of one incident file, valid or not. */
export function lintIncidentSource(file: string, input: string | Uint8Array, options: LintOptions = {}): Diagnostic[] {
  const settings = options.settings ?? DEFAULT_LINT_SETTINGS;
  const loaded = parseYamlSource(file, input);
  const source = loaded.source;
  if (!source) return loaded.diagnostics;
  const people = createPeople([...namesInYaml(source), ...(options.people ?? [])], true);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const fields = extractYamlProse(source);
  for (const field of fields) {
    const path = formatFieldPath(field.path);
    diagnostics.push(...proseDiagnostics(file, field.value, field.map, people, settings, (s, e) => spanOfRange(source, s, e), path));
  }
  // Completeness is judged only on a file that parsed cleanly; a broken one gets its prose linted.
  for (const finding of loaded.data === null ? [] : checkStructure(loaded.data)) {
    diagnostics.push(
      createDiagnostic({
        file,
        // Findings carry ids of lint-rules.ts, all of which are in the catalogue (test/shape/catalogue.test.ts).
        ruleId: finding.ruleId as RuleId,
        severity: RULES[finding.ruleId]?.severity ?? 'warning',
        message: finding.message,
        span: locatePath(source, finding.at ?? finding.path, { key: finding.key }),
        path: formatFieldPath(finding.path),
        suggestions: RULES[finding.ruleId]?.suggestion ? [RULES[finding.ruleId]!.suggestion] : [],
        url: ruleUrl(finding.ruleId),
      }),
    );
  }
  const suppressions = parseDirectives(yamlDirectives(source.text));
  if (suppressions.length > 0) widenToNodes(suppressions, nodeLines(source));
  return finish(file, diagnostics, suppressions, settings);
}

/** Lints the prose of a Markdown post-mortem. */
export function lintMarkdown(file: string, text: string, options: LintOptions = {}): Diagnostic[] {
  const settings = options.settings ?? DEFAULT_LINT_SETTINGS;
  const body = text.replace(/^\uFEFF/, '');
  const prose = extractMarkdownProse(body);
  const people = createPeople([...prose.names, ...(options.people ?? [])], true);
  const lines = new LineCounter();
  let at = 0;
  for (const line of body.split('\n')) {
    lines.addNewLine(at);
    at += line.length + 1;
  }
  const diagnostics: Diagnostic[] = [];
  const spanOf = (s: number, e: number) => spanOfRange({ lineCounter: lines }, s, e);
  const quick = { people, allow: settings.allow, extra: settings.phrases.map((p) => ({ phrase: p.phrase, rule: p.rule })) };
  // The cheap pass on the scanned blocks; remark reads only the blocks that may blame.
  const flagged = prose.blocks.filter((block) => lintProse(block.text, quick).length > 0);
  for (const exact of flagged.length > 0 ? remarkBlocks(body, flagged) : []) {
    diagnostics.push(...proseDiagnostics(file, exact.value, exact.map, people, settings, spanOf, null));
  }
  return finish(file, diagnostics, parseDirectives(prose.comments), settings);
}

function proseDiagnostics(
  file: string, value: string, map: OffsetMap, people: People, settings: LintSettings,
  spanOf: (start: number, end: number) => ReturnType<typeof spanOfRange>, path: string | null,
): Diagnostic[] {
  const extra = settings.phrases.map((p) => ({ phrase: p.phrase, rule: p.rule }));
  return lintProse(value, { people, allow: settings.allow, extra }).map((finding) => {
    const [start, end] = sourceRange(map, finding.start, finding.end);
    return blameDiagnostic(file, finding, value.slice(finding.start, finding.end), spanOf(start, end), path, settings);
  });
}

/** A next-line suppression above a multi-line field or list item covers all of it. */
function widenToNodes(suppressions: Suppression[], lastLineOf: ReadonlyMap<number, number>): void {
  for (const s of suppressions) {
    if (s.fromLine === s.toLine) s.toLine = Math.max(s.toLine, lastLineOf.get(s.fromLine) ?? s.toLine);
  }
}

/** For each line where a YAML node or pair starts, the last line it spans. */
function nodeLines(source: YamlSource): Map<number, number> {
  const last = new Map<number, number>();
  const note = (start: number | undefined, end: number | undefined) => {
    if (start === undefined || end === undefined) return;
    const from = source.lineCounter.linePos(start).line;
    const to = source.lineCounter.linePos(Math.max(start, end - 1)).line;
    last.set(from, Math.max(last.get(from) ?? from, to));
  };
  visit(source.document, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      note(key?.range?.[0], value?.range?.[1] ?? key?.range?.[1]);
    },
    Node(_, node) {
      note(node.range?.[0], node.range?.[1]);
    },
  });
  return last;
}

function finish(file: string, diagnostics: Diagnostic[], suppressions: Suppression[], settings: LintSettings): Diagnostic[] {
  const levelled = applyLevels(diagnostics, settings);
  return applyLevels(applySuppressions(file, levelled, suppressions), settings).sort(compareDiagnostics);
}
