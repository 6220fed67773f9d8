/**
 * Markdown post-mortems (hand-written, or rendered by `postmortem build`):
 * the block scanner finds the prose cheaply (markdown-blocks.ts); a block in
 * which the rules find something is then parsed by remark, which decides
 * what is text (emphasis unwrapped, entities decoded, inline code, images,
 * HTML and bare URLs left out) and where each character sits in the file.
 * Also returns suppression comments and the names the document lists
 * (front matter `authors`/`participants`, "Authors: …" lines).
 *
 * @example
 * const { blocks, comments, names } = extractMarkdownProse('# Summary\n\nKim paged ops.\n');
 * const [exact] = remarkBlocks(text, [blocks[1]]);
 */
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { alignValue, type OffsetMap } from './align.js';
import { isDetailsHtml, maskDetails } from './html-details.js';
import { scanMarkdown, type RawBlock } from './markdown-blocks.js';
import type { DirectiveComment } from '../suppressions.js';
import { OPAQUE } from '../grammar/tokens.js';

export interface MarkdownBlock {
  value: string;
  map: OffsetMap;
}

export interface MarkdownProse {
  blocks: RawBlock[];
  comments: DirectiveComment[];
  names: string[];
}

const parser = unified().use(remarkParse);
const NAME_LINE = /^[ \t>*_-]*(?:authors?|participants?|owners?|incident commander)[*_]*\s*:[*_]*\s*(.+)$/gim;

interface Piece {
  value: string;
  start: number;
  end: number;
  /** The value has the source's length, character for character (masked HTML). */
  exact?: boolean;
}

/** Prose blocks, suppression comments and people of one Markdown document (the cheap pass). */
export function extractMarkdownProse(text: string): MarkdownProse {
  const scanned = scanMarkdown(text);
  const names = [...namesInText(text), ...(scanned.frontMatter ? namesInFrontMatter(scanned.frontMatter) : [])];
  return { blocks: scanned.blocks, comments: scanned.comments, names };
}

/**
 * remark's reading of some blocks: for each, its text and where each
 * character is in `text`. The blocks are parsed together, separated by blank
 * lines, because one remark call costs far more than the text it reads.
 */
export function remarkBlocks(text: string, blocks: readonly RawBlock[]): MarkdownBlock[] {
  let combined = '';
  const starts: number[] = [];
  for (const block of blocks) {
    starts.push(combined.length);
    combined += `${text.slice(block.start, block.end)}\n\n`;
  }
  const tree = parser.parse(combined) as Root;
  const pieces: Piece[][] = blocks.map(() => []);
  for (const child of tree.children) {
    const at = child.position?.start.offset ?? 0;
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > at) k--;
    const shift = blocks[k]!.start - starts[k]!;
    walkBlock(child as Nodes, pieces[k]!, shift);
  }
  return blocks.map((block, k) => (pieces[k]!.length === 0 ? { value: '', map: { offsetOf: () => block.start } } : joinPieces(pieces[k]!, text)));
}

function walkBlock(node: Nodes, pieces: Piece[], shift: number): void {
  if (node.type === 'html' && isDetailsHtml(node.value)) {
    const start = shift + (node.position?.start.offset ?? 0);
    pieces.push({ value: maskDetails(node.value), start, end: start + node.value.length, exact: true });
    return;
  }
  if (node.type === 'code' || node.type === 'html' || node.type === 'blockquote' || node.type === 'definition') return;
  if ('children' in node && !isInlineParent(node)) for (const child of node.children) walkBlock(child as Nodes, pieces, shift);
  else inline(node, pieces, shift);
}

function isInlineParent(node: Nodes): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
}

function inline(node: Nodes, pieces: Piece[], base: number): void {
  const start = base + (node.position?.start.offset ?? 0);
  const end = base + (node.position?.end.offset ?? 0);
  if (node.type === 'text') pieces.push({ value: node.value, start, end });
  else if (node.type === 'inlineCode' || node.type === 'image' || node.type === 'imageReference' || node.type === 'html')
    pieces.push({ value: ` ${OPAQUE} `, start, end: start });
  else if (node.type === 'break') pieces.push({ value: '\n', start, end });
  else if (node.type === 'link' && isBareUrl(node)) pieces.push({ value: ` ${OPAQUE} `, start, end: start });
  else if ('children' in node) for (const child of node.children) inline(child as Nodes, pieces, base);
}

function isBareUrl(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const [only] = node.children;
  return node.children.length === 1 && only?.type === 'text' && (only.value === node.url || /^(https?:|www\.)/.test(only.value));
}

function joinPieces(pieces: readonly Piece[], text: string): MarkdownBlock {
  let value = '';
  const offsets: number[] = [];
  for (const piece of pieces) {
    // A bare URL inside a text node is not prose either (remark without GFM keeps it as text).
    const masked = piece.value.replace(/\b(https?:\/\/|www\.)[^\s)>\]]+/g, (m) => `${OPAQUE}${' '.repeat(m.length - 1)}`);
    const map = piece.exact ? { offsetOf: (i: number) => piece.start + i } : alignValue(piece.value, text, piece.start, Math.max(piece.end, piece.start));
    for (let i = 0; i < masked.length; i++) offsets.push(map.offsetOf(i));
    value += masked;
  }
  offsets.push(pieces[pieces.length - 1]!.end);
  return { value, map: { offsetOf: (index) => offsets[Math.max(0, Math.min(index, offsets.length - 1))]! } };
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
