/**
 * The check behind "no sentence is lost": every sentence of a Markdown
 * file's prose (paragraphs, list items, table cells, quotes, code) must occur
 * in some string of the imported incident. Parsed independently of the
 * importer's own text conversion; headings are structure, not sentences.
 */
import type { Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse } from 'yaml';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
// Separators between a time and its event (`18:53 -`, `21:17 UTC:`) are not words.
const squash = (text: string) =>
  text
    .replace(/[\s\-–—:|,]+/g, ' ')
    .trim()
    .toLowerCase();

/** Sentences of the source's prose, whitespace and separators collapsed. */
export function sourceSentences(markdown: string): string[] {
  const sentences: string[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'heading' || node.type === 'yaml') return 'skip';
    // A table's first row names its columns: headings, not sentences.
    if (node.type === 'table') {
      for (const row of node.children.slice(1)) visit(row, collect);
      return 'skip';
    }
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') {
      for (const sentence of node.value.split(/(?<=[.!?])\s+/)) if (squash(sentence) !== '') sentences.push(squash(sentence));
    }
    return undefined;
  };
  visit(parser.parse(markdown), collect);
  return sentences;
}

/** Every string value in the YAML text, whitespace collapsed, joined. */
export function allStrings(yamlText: string): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(squash(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      // A timeline entry stands for the line it was read from: its time as written, then the event.
      const entry = value as { time?: unknown; event?: unknown; 'x-time'?: unknown };
      if (typeof entry.time === 'string' && typeof entry.event === 'string') out.push(squash(`${String(entry['x-time'] ?? entry.time)} ${entry.event}`));
      Object.values(value).forEach(walk);
    }
  };
  walk(parse(yamlText));
  return out.join('\n');
}

/** The sentences of `markdown` that occur in no string of `yamlText`. */
export function lostSentences(markdown: string, yamlText: string): string[] {
  const haystack = allStrings(yamlText);
  return sourceSentences(markdown).filter((sentence) => !haystack.includes(sentence));
}
