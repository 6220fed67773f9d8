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
import { formatFieldPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Incident } from '../incident/model.js';
import { locatePath, parseYamlSource, spanOfRange, type YamlSource } from '../load/parse.js';
import type { LoadResult } from '../load/source.js';
import { sourceRange, type OffsetMap } from './sources/align.js';
import { extractMarkdownProse, remarkBlocks } from './sources/markdown.js';
import { createPeople, type People } from './grammar/people.js';
import { lintProse, type Finding } from './prose.js';
import { blameDiagnostic, DEFAULT_LINT_SETTINGS, finishDiagnostics, structureDiagnostic, type LintSettings } from './runner.js';
import { checkStructure } from './rules/structure.js';
import { parseDirectives, yamlDirectives, type Suppression } from './suppressions.js';
import { extractYamlProse, namesInYaml } from './sources/yaml-prose.js';
import type { BlameModel } from './model/classifier.js';
import { blameModelFor } from './model/default.js';

export { lintProse, type Finding, type ProseOptions } from './prose.js';
export { createPeople, type People } from './grammar/people.js';
export { RULES, BLAME_RULES, type RuleInfo } from '../diagnostics/lint-rules.js';
export { checkRuleNames, DEFAULT_LINT_SETTINGS, type LintSettings } from './runner.js';
export { default as retextPostmortem, type RetextPostmortemOptions } from './retext-plugin.js';

export interface LintOptions {
  settings?: LintSettings;
  /** Extra names to treat as people, besides those the file lists. */
  people?: readonly string[];
  /** The blame model to use instead of the committed one (the evaluation's cross-validated models); null for none. */
  model?: BlameModel | null;
}

/** Lints the prose fields and completeness of one incident file, valid or not. */
export function lintIncidentSource(file: string, input: string | Uint8Array, options: LintOptions = {}): Diagnostic[] {
  return lintLoadedIncident(file, parseYamlSource(file, input), null, options);
}

/**
 * Lints an incident file the caller has already loaded (and checked), so the
 * file is parsed once per run. The people come from `incident`, the model of a
 * valid file; without one (an invalid file) they are read off the YAML.
 *
 * @example
 * const loaded = parseYamlSource(file, bytes);
 * lintLoadedIncident(file, loaded, checkLoadedIncident(file, loaded, config).incident, { settings });
 */
export function lintLoadedIncident(file: string, loaded: LoadResult, incident: Incident | null, options: LintOptions = {}): Diagnostic[] {
  const settings = options.settings ?? DEFAULT_LINT_SETTINGS;
  const source = loaded.source;
  if (!source) return loaded.diagnostics;
  const listed = incident ? peopleOfIncident(incident) : namesInYaml(source);
  const people = createPeople([...listed, ...(settings.people ?? []), ...(options.people ?? [])]);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const fields = extractYamlProse(source);
  const model = blameModelFor(settings, options.model);
  const escalated = new Set<Diagnostic>();
  for (const field of fields) {
    const path = formatFieldPath(field.path);
    const found = proseDiagnostics(file, field.value, field.map, { people, model }, settings, (s, e) => spanOfRange(source, s, e), path);
    if (field.path[0] === 'root_cause') for (const d of found) if (namesListedPerson(d, people)) escalated.add(d);
    diagnostics.push(...found);
  }
  // Completeness is judged only on a file that parsed cleanly; a broken one gets its prose linted.
  for (const finding of loaded.data === null ? [] : checkStructure(loaded.data)) {
    const span = locatePath(source, finding.at ?? finding.path, { key: finding.key });
    diagnostics.push(structureDiagnostic(file, finding, span, formatFieldPath(finding.path)));
  }
  const suppressions = parseDirectives(yamlDirectives(source.text));
  if (suppressions.length > 0) widenToNodes(suppressions, nodeLines(source));
  return finishDiagnostics(file, diagnostics, suppressions, settings, escalated);
}

/** Lints the prose of a Markdown post-mortem. */
export function lintMarkdown(file: string, text: string, options: LintOptions = {}): Diagnostic[] {
  const settings = options.settings ?? DEFAULT_LINT_SETTINGS;
  const body = text.replace(/^\uFEFF/, '');
  const prose = extractMarkdownProse(body);
  const people = createPeople([...prose.names, ...(settings.people ?? []), ...(options.people ?? [])]);
  const lines = new LineCounter();
  let at = 0;
  for (const line of body.split('\n')) {
    lines.addNewLine(at);
    at += line.length + 1;
  }
  const diagnostics: Diagnostic[] = [];
  const spanOf = (s: number, e: number) => spanOfRange({ lineCounter: lines }, s, e);
  const model = blameModelFor(settings, options.model);
  const quick = { people, model, allow: settings.allow, extra: settings.phrases.map((p) => ({ phrase: p.phrase, rule: p.rule })) };
  // The cheap pass on the scanned blocks; remark reads only the blocks that may blame and hold markup.
  const marked: typeof prose.blocks = [];
  for (const block of prose.blocks) {
    const found = lintProse(block.text, quick);
    if (found.length === 0) continue;
    if (!isPlainText(body, block)) marked.push(block);
    else diagnostics.push(...proseDiagnostics(file, block.text, { offsetOf: (i) => block.start + i }, { people, model }, settings, spanOf, null, found));
  }
  for (const exact of marked.length > 0 ? remarkBlocks(body, marked) : []) {
    diagnostics.push(...proseDiagnostics(file, exact.value, exact.map, { people, model }, settings, spanOf, null));
  }
  return finishDiagnostics(file, diagnostics, parseDirectives(prose.comments), settings);
}

/** The people the model lists: authors, participants and action item owners. */
function peopleOfIncident(incident: Incident): string[] {
  const owners = incident.actionItems.map((item) => item.owner).filter((owner): owner is string => owner !== null);
  return [...incident.authors, ...incident.participants, ...owners];
}

/** A person-as-cause finding whose phrase names someone the file (or the configuration) lists. */
function namesListedPerson(d: Diagnostic, people: People): boolean {
  if (d.ruleId !== 'blame/person-as-cause' || !d.actual) return false;
  return d.actual
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._-]+/u)
    .some((word) => people.names.has(word.replace(/^@/, '').replace(/'s$/, '')));
}

/**
 * A block remark would read as exactly its own characters: nothing was masked
 * and no character can start inline markup or an entity. Such a block needs
 * no parse; its offsets are the file's.
 */
function isPlainText(body: string, block: { text: string; start: number; end: number }): boolean {
  return !MARKUP.test(block.text) && body.slice(block.start, block.end) === block.text;
}

const MARKUP = /[*_`\[\]<>&\\!~|\uFFFC]/;

function proseDiagnostics(
  file: string,
  value: string,
  map: OffsetMap,
  context: { people: People; model: BlameModel | undefined },
  settings: LintSettings,
  spanOf: (start: number, end: number) => ReturnType<typeof spanOfRange>,
  path: string | null,
  known?: readonly Finding[],
): Diagnostic[] {
  const extra = settings.phrases.map((p) => ({ phrase: p.phrase, rule: p.rule }));
  return (known ?? lintProse(value, { ...context, allow: settings.allow, extra })).map((finding) => {
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
