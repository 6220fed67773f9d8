/**
 * The blame rules as a unified (retext) plugin, so that other pipelines
 * (retext-english on plain text, or remark → remark-retext on Markdown, or
 * alongside alex's plugins) can use them. Each paragraph of the natural
 * language tree is linted as one text; findings become vfile messages with
 * `source: 'postmortem'`, the rule id, the actual text, the suggestion as
 * `expected` and the docs URL.
 *
 * @example
 * import { retext } from 'retext'; // or unified().use(retextEnglish)
 * const file = await unified().use(retextEnglish).use(retextPostmortem, { people: ['kim'] }).use(retextStringify).process('Kim took down the API.');
 * file.messages[0].ruleId // 'blame/person-as-cause'
 */
import type { Nodes, Paragraph, Root } from 'nlcst';
import type { Point } from 'unist';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { createPeople } from './grammar/people.js';
import { lintProse } from './prose.js';
import { applyLevels, blameDiagnostic, DEFAULT_LINT_SETTINGS, type LintSettings } from './runner.js';

export interface RetextPostmortemOptions {
  /** Names to treat as people (authors, participants, owners). */
  people?: readonly string[];
  settings?: LintSettings;
}

interface Leaf {
  from: number;
  to: number;
  start: Point;
}

/**
 * The attacher: `unified().use(retextPostmortem, options)`. Typed as
 * unified's `Plugin` over any tree, so the published types name only
 * `unified`, a dependency: nlcst and vfile types are development ones here.
 */
const retextPostmortem: Plugin<[RetextPostmortemOptions?]> = function (options = {}) {
  const people = createPeople([...(options.people ?? []), ...(options.settings?.people ?? [])]);
  const settings = options.settings ?? DEFAULT_LINT_SETTINGS;
  const extra = settings.phrases.map((p) => ({ phrase: p.phrase, rule: p.rule }));
  return (tree, file: VFile): undefined => {
    for (const paragraph of paragraphs(tree as Root)) {
      const leaves: Leaf[] = [];
      const text = flatten(paragraph, leaves);
      for (const finding of lintProse(text, { people, allow: settings.allow, extra })) {
        const actual = text.slice(finding.start, finding.end);
        const [diagnostic] = applyLevels([blameDiagnostic(file.path ?? '', finding, actual, null, null, settings)], settings);
        if (!diagnostic) continue;
        const place = { start: pointAt(leaves, finding.start), end: pointAt(leaves, finding.end) };
        const message = file.message(diagnostic.message, { place, ruleId: finding.ruleId, source: 'postmortem' });
        message.actual = actual;
        message.expected = diagnostic.suggestions;
        message.url = diagnostic.url;
        message.fatal = diagnostic.severity === 'error' ? true : diagnostic.severity === 'warning' ? false : undefined;
      }
    }
    return undefined;
  };
};
export default retextPostmortem;

function paragraphs(node: Nodes): Paragraph[] {
  if (node.type === 'ParagraphNode') return [node];
  return 'children' in node ? node.children.flatMap((child) => paragraphs(child as Nodes)) : [];
}

/** The paragraph's text, recording where each leaf's text starts in the source. */
function flatten(node: Nodes, leaves: Leaf[], text = { value: '' }): string {
  if ('value' in node) {
    const start = node.position?.start;
    if (start) leaves.push({ from: text.value.length, to: text.value.length + node.value.length, start });
    text.value += node.value;
  } else {
    for (const child of node.children) flatten(child as Nodes, leaves, text);
  }
  return text.value;
}

function pointAt(leaves: readonly Leaf[], index: number): Point {
  const leaf = leaves.find((l) => index >= l.from && index < l.to) ?? leaves.findLast((l) => l.to <= index) ?? leaves[0];
  if (!leaf) return { line: 1, column: 1 };
  const delta = Math.min(index, leaf.to) - leaf.from;
  return { line: leaf.start.line, column: leaf.start.column + delta, ...(leaf.start.offset !== undefined ? { offset: leaf.start.offset + delta } : {}) };
}
