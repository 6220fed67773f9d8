/**
 * Splits a parsed Markdown post-mortem into its title, the text before the
 * first section, and sections by heading. A heading that names no field,
 * under a section that does, stays part of that section ("### Immediate
 * actions" under "## Action items"); any other heading starts a section.
 *
 * @example
 * splitSections(parseMarkdown('# Outage\n\nIntro.\n\n## Impact\n\nSlow.\n')).sections[0].field // → 'impact'
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { classifyHeading, type SectionField } from './headings.js';
import { inlineText } from './markdown-text.js';

export interface Section {
  heading: string;
  depth: number;
  field: SectionField | null;
  /** 1-based line of the heading. */
  line: number | null;
  nodes: RootContent[];
}

export interface SplitDocument {
  title: string | null;
  /** The front matter's text, when there is one. */
  frontMatter: { text: string; line: number } | null;
  /** HTML comments between blocks: not prose, but kept. */
  comments: string[];
  /** Blocks before the first section heading (after the title). */
  preamble: RootContent[];
  sections: Section[];
}

export function splitSections(root: Root): SplitDocument {
  const split: SplitDocument = { title: null, frontMatter: null, comments: [], preamble: [], sections: [] };
  let current: Section | null = null;
  let seenContent = false;
  for (const node of root.children) {
    if (node.type === 'yaml') {
      split.frontMatter ??= { text: node.value, line: node.position?.start.line ?? 1 };
      continue;
    }
    const labelled = node.type === 'paragraph' ? splitLabel(node) : null;
    if (labelled) {
      const depth: number = current === null ? 1 : (current as Section).depth + 1;
      current = { heading: labelled.label, depth, field: labelled.field, line: node.position?.start.line ?? null, nodes: [labelled.rest] };
      split.sections.push(current);
      seenContent = true;
      continue;
    }
    if (node.type === 'html' && /^<!--[^]*-->$/.test(node.value.trim())) {
      split.comments.push(node.value);
      continue;
    }
    if (node.type !== 'heading') {
      if (current) current.nodes.push(node);
      else split.preamble.push(node);
      seenContent ||= node.type !== 'html';
      continue;
    }
    const text = inlineText(node.children).trim();
    const field = classifyHeading(text);
    if (split.title === null && current === null && isTitle(node, field, seenContent)) {
      split.title = text;
      continue;
    }
    if (field === null && current?.field && node.depth > current.depth) {
      current.nodes.push(node);
      continue;
    }
    current = { heading: text, depth: node.depth, field, line: node.position?.start.line ?? null, nodes: [] };
    split.sections.push(current);
  }
  return split;
}

/** The first heading is the title when it is a level-1 heading, or names no section and comes before any text. */
function isTitle(node: Heading, field: SectionField | null, seenContent: boolean): boolean {
  if (seenContent) return node.depth === 1 && field === null;
  return node.depth === 1 || field === null;
}

const LABEL = /^([A-Za-z][\w '’&/()-]{2,60}?):[ \t]+/;

/**
 * "Root cause: The change …" and "Mitigation: Engineers …" paragraphs work
 * as headings in many reports (cloud providers write whole reports so): a
 * short label that names a field, then a colon, starts a section (the
 * paragraph keeps its label).
 */
function splitLabel(paragraph: Paragraph): { label: string; field: SectionField; rest: Paragraph } | null {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  const match = LABEL.exec(first.value);
  if (!match || match[1]!.split(/\s+/).length > 6) return null;
  const field = classifyHeading(match[1]!);
  if (field === null) return null;
  // The label stays in the text: "Preliminary root cause" says more than the field name.
  return { label: match[1]!.trim(), field, rest: paragraph };
}
