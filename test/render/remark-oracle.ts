/**
 * remark as the oracle for rendered Markdown (tests only: the build does not
 * parse its own output). `remarkNormalise` is the pass the build used to run
 * on every report; `readMarkdown` is the tree a Markdown reader sees, without
 * positions, so two texts can be compared by what they mean.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const normaliser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one', incrementListMarker: true })
  .freeze();
const reader = unified().use(remarkParse).use(remarkGfm).freeze();

/** The text remark prints for `markdown`: the old normalisation of every report. */
export function remarkNormalise(markdown: string): string {
  return String(normaliser.processSync(markdown));
}

/** The Markdown tree of `markdown`, positions removed. */
export function readMarkdown(markdown: string): unknown {
  return strip(reader.runSync(reader.parse(markdown)) as Root);
}

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'position')
      .map(([key, value]) => [key, strip(value)]),
  );
}

/** The plain text of every text node, in order: what a reader sees of user text. */
export function textOf(markdown: string): string {
  const parts: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value ?? '');
    if (node.type === 'html') parts.push(`<html:${node.value}>`);
    if (node.type === 'break') parts.push('\n');
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(reader.parse(markdown) as never);
  return parts.join('');
}
