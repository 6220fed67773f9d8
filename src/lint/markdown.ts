/**
 * Reads the prose of a Markdown post-mortem (hand-written, or rendered by
 * `postmortem build`) through remark: paragraphs, headings, list items and
 * table cells, each with an offset map into the file. Code blocks, inline
 * code, URLs, front matter, HTML and block quotes (quoted logs and chat) are
 * not prose. Also returns suppression comments and the names the document
 * lists (front matter `authors`/`participants`, "Authors: …" lines).
 *
 * @example
 * const { blocks, comments, names } = extractMarkdownProse('# Summary\n\nKim paged ops.\n');
 */
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { alignValue, type OffsetMap } from './align.js';
import type { DirectiveComment } from './suppressions.js';
import { OPAQUE } from './tokens.js';

export interface MarkdownBlock {
  value: string;
  map: OffsetMap;
}

export interface MarkdownProse {
  blocks: MarkdownBlock[];
  comments: DirectiveComment[];
  names: string[];
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const SKIPPED = new Set(['code', 'blockquote', 'yaml', 'definition', 'footnoteDefinition']);
const COMMENT = /^<!--\s*(postmortem-[^]*?)\s*-->$/;
const NAME_LINE = /^[ \t>*_-]*(?:authors?|participants?|owners?|incident commander)[*_]*\s*:[*_]*\s*(.+)$/gim;

interface Piece {
  value: string;
  start: number;
  end: number;
}

export function extractMarkdownProse(text: string): MarkdownProse {
  const tree = parser.parse(text) as Root;
  const result: MarkdownProse = { blocks: [], comments: [], names: namesInText(text) };
  const lines = text.split('\n');
  const walk = (node: Nodes): void => {
    if (node.type === 'yaml') result.names.push(...namesInFrontMatter(node.value));
    if (node.type === 'html') collectComment(node.value, node.position, lines, result.comments);
    if (SKIPPED.has(node.type)) return;
    if (BLOCKS.has(node.type) && 'children' in node) {
      const pieces: Piece[] = [];
      for (const child of node.children) inline(child as Nodes, pieces, lines, result.comments);
      if (pieces.length > 0) result.blocks.push(joinPieces(pieces, text));
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return result;
}

function inline(node: Nodes, pieces: Piece[], lines: string[], comments: DirectiveComment[]): void {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  if (node.type === 'text') pieces.push({ value: node.value, start, end });
  else if (node.type === 'inlineCode' || node.type === 'image' || node.type === 'imageReference') pieces.push({ value: ` ${OPAQUE} `, start, end: start });
  else if (node.type === 'break') pieces.push({ value: '\n', start, end });
  else if (node.type === 'html') collectComment(node.value, node.position, lines, comments);
  else if (node.type === 'link' && isBareUrl(node)) pieces.push({ value: ` ${OPAQUE} `, start, end: start });
  else if ('children' in node) for (const child of node.children) inline(child as Nodes, pieces, lines, comments);
}

function isBareUrl(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const [only] = node.children;
  return node.children.length === 1 && only?.type === 'text' && (only.value === node.url || node.url === `mailto:${only.value}` || /^(https?:|www\.)/.test(only.value));
}

function joinPieces(pieces: readonly Piece[], text: string): MarkdownBlock {
  let value = '';
  const offsets: number[] = [];
  for (const piece of pieces) {
    const map = alignValue(piece.value, text, piece.start, Math.max(piece.end, piece.start));
    for (let i = 0; i < piece.value.length; i++) offsets.push(map.offsetOf(i));
    value += piece.value;
  }
  const last = pieces[pieces.length - 1]!;
  offsets.push(last.end);
  return { value, map: { offsetOf: (index) => offsets[Math.max(0, Math.min(index, offsets.length - 1))]! } };
}

function collectComment(value: string, position: Nodes['position'], lines: string[], out: DirectiveComment[]): void {
  const match = COMMENT.exec(value.trim());
  if (!match || !position) return;
  let next = position.end.line;
  while (next < lines.length && lines[next]!.trim() === '') next++;
  out.push({ text: match[1]!, line: position.start.line, column: position.start.column, nextLine: next + 1 });
}

function namesInFrontMatter(value: string): string[] {
  try {
    const data = parseYaml(value) as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') return [];
    return ['authors', 'participants', 'author', 'owner'].flatMap((key) => {
      const entry = data[key];
      return Array.isArray(entry) ? entry.filter((e): e is string => typeof e === 'string') : typeof entry === 'string' ? [entry] : [];
    });
  } catch {
    return [];
  }
}

/** "**Authors:** Dana, Erin and Frank" lines, as rendered reports and hand-written ones have them. */
function namesInText(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NAME_LINE)) {
    for (const part of match[1]!.split(/,|\band\b|;/)) {
      const name = part.replace(/[*_`@]/g, '').trim();
      if (/^[\p{L}][\p{L}\p{N} .'-]{0,40}$/u.test(name)) names.push(name);
    }
  }
  return names;
}
