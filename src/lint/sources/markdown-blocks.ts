/**
 * The cheap first pass over Markdown: a line scanner that finds the prose
 * blocks (paragraphs, headings, list items, table cells) and leaves out
 * front matter, fenced and indented code, HTML, block quotes and link
 * definitions. Inside a block, inline code, link targets, bare URLs and
 * inline HTML are blanked with spaces of the same length, so offsets in the
 * block are offsets in the file. Only blocks where the rules then find
 * something are parsed by remark (see markdown.ts), which has the last word.
 *
 * @example
 * scanMarkdown('# Title\n\n```\ncode\n```\nKim paged ops.\n').blocks.map((b) => b.text) // ['Title', 'Kim paged ops.']
 */
import { isDetailsHtml, maskDetails } from './html-details.js';
import type { DirectiveComment } from '../suppressions.js';

export interface RawBlock {
  /** The block's text with non-prose inline parts blanked; same length as the source slice. */
  text: string;
  start: number;
  end: number;
}

export interface ScannedMarkdown {
  blocks: RawBlock[];
  comments: DirectiveComment[];
  /** The front matter's text, when the file has one. */
  frontMatter: string | null;
}

interface Line {
  text: string;
  start: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const STRUCTURE = /^ {0,3}(#{1,6}(\s|$)|>|[-*+]\s|\d{1,9}[.)]\s|(`{3,}|~{3,})|<|([-*_=]\s*){3,}$|\[[^\]]+\]:\s)/;
const TABLE_RULE = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)+\|?\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+/;
const DIRECTIVE = /<!--\s*(postmortem-[^]*?)\s*-->/g;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part.endsWith('\r') ? part.slice(0, -1) : part, start });
    start += part.length + 1;
  }
  return lines;
}

/** Prose blocks and suppression comments of a Markdown document, by lines. */
export function scanMarkdown(source: string): ScannedMarkdown {
  const lines = splitLines(source);
  const result: ScannedMarkdown = { blocks: [], comments: [], frontMatter: null };
  let i = frontMatterEnd(lines);
  if (i > 0)
    result.frontMatter = lines
      .slice(1, i - 1)
      .map((l) => l.text)
      .join('\n');
  let previousBlank = true;
  let inList = false;
  while (i < lines.length) {
    const line = lines[i]!;
    const text = line.text;
    collectDirectives(line, lines, i, result.comments);
    if (text.trim() === '') {
      previousBlank = true;
      i++;
      continue;
    }
    const fence = FENCE.exec(text);
    if (fence) {
      i = skipFence(lines, i, fence[1]!);
      previousBlank = false;
      continue;
    }
    if (/^( {4,}|\t)/.test(text) && previousBlank && !inList) {
      i = skipWhile(lines, i, (l) => /^( {4,}|\t)/.test(l) || l.trim() === '');
      continue;
    }
    if (/^ {0,3}<!--/.test(text)) {
      i = skipWhile(lines, i, (l) => !l.includes('-->')) + 1;
      continue;
    }
    if (/^ {0,3}([-*_=]\s*){3,}$/.test(text)) {
      i++;
      previousBlank = false;
      continue;
    }
    if (isDetailsHtml(text)) {
      i = detailsBlock(source, lines, i, result.blocks);
      previousBlank = false;
      continue;
    }
    if (/^ {0,3}(>|<)/.test(text) || /^ {0,3}\[[^\]]+\]:\s/.test(text)) {
      i = skipWhile(lines, i + 1, (l) => l.trim() !== '');
      previousBlank = false;
      continue;
    }
    if (text.includes('|') && TABLE_RULE.test(lines[i + 1]?.text ?? '')) {
      i = tableCells(lines, i, result.blocks);
      inList = false;
      continue;
    }
    const heading = /^ {0,3}#{1,6}\s+/.exec(text);
    if (heading) {
      const title = text.slice(heading[0].length).replace(/\s#+\s*$/, '');
      // "What could have gone better?": a template's question is a prompt, not the author's claim.
      if (!/\?\s*$/.test(title)) result.blocks.push(block(line.start + heading[0].length, title));
      i++;
      inList = false;
      previousBlank = false;
      continue;
    }
    const item = LIST_ITEM.exec(text);
    if (item) inList = true;
    else if (previousBlank && !/^\s/.test(text)) inList = false;
    i = paragraph(source, lines, i, item ? item[0].length : text.length - text.trimStart().length, result.blocks);
    previousBlank = false;
  }
  return result;
}

/** The index of the first line after the front matter (0 when there is none). */
function frontMatterEnd(lines: readonly Line[]): number {
  if (lines[0]?.text !== '---') return 0;
  const close = lines.findIndex((l, k) => k > 0 && (l.text === '---' || l.text === '...'));
  return close === -1 ? 0 : close + 1;
}

function block(start: number, raw: string): RawBlock {
  return { text: maskInline(raw), start, end: start + raw.length };
}

/** Consecutive lines up to a blank line or the start of another structure. */
function paragraph(source: string, lines: Line[], i: number, skip: number, out: RawBlock[]): number {
  let end = i + 1;
  while (end < lines.length && lines[end]!.text.trim() !== '' && !STRUCTURE.test(lines[end]!.text) && !LIST_ITEM.test(lines[end]!.text)) end++;
  const last = lines[end - 1]!;
  const start = lines[i]!.start + skip;
  out.push(block(start, source.slice(start, last.start + last.text.length).replace(/\r/g, ' ')));
  return end;
}

/** A `<details>` HTML block runs to the next blank line; its text is read, its markup blanked. */
function detailsBlock(source: string, lines: Line[], i: number, out: RawBlock[]): number {
  const end = skipWhile(lines, i + 1, (l) => l.trim() !== '');
  const last = lines[end - 1]!;
  const start = lines[i]!.start;
  out.push({ text: maskDetails(source.slice(start, last.start + last.text.length).replace(/\r/g, ' ')), start, end: last.start + last.text.length });
  return end;
}

function tableCells(lines: Line[], i: number, out: RawBlock[]): number {
  let k = i;
  while (k < lines.length && lines[k]!.text.includes('|')) {
    if (k !== i + 1) {
      const line = lines[k]!;
      for (const cell of line.text.matchAll(/[^|]+/g)) {
        if (cell[0].trim() !== '' && !/^\\$/.test(cell[0])) out.push(block(line.start + cell.index, cell[0]));
      }
    }
    k++;
  }
  return k;
}

function skipFence(lines: Line[], i: number, fence: string): number {
  const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
  let k = i + 1;
  while (k < lines.length && !closing.test(lines[k]!.text)) k++;
  return k + 1;
}

function skipWhile(lines: Line[], i: number, keep: (text: string) => boolean): number {
  let k = i;
  while (k < lines.length && keep(lines[k]!.text)) k++;
  return k;
}

function collectDirectives(line: Line, lines: Line[], index: number, out: DirectiveComment[]): void {
  if (!line.text.includes('<!--')) return;
  for (const match of line.text.matchAll(DIRECTIVE)) {
    let next = index + 1;
    while (next < lines.length && lines[next]!.text.trim() === '') next++;
    out.push({ text: match[1]!, line: index + 1, column: match.index + 1, nextLine: next + 1 });
  }
}

/** Blanks inline code, link and image targets, autolinks, bare URLs and inline HTML, keeping length. */
export function maskInline(raw: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return raw
    .replace(/(`+)[^`]*?\1/g, (m) => `\uFFFC${blank(m.slice(1))}`)
    .replace(/<!--[^]*?-->|<\/?[A-Za-z][^>]*>|<(https?:|mailto:)[^>]*>/g, blank)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, blank)
    .replace(/\]\([^)]*\)/g, (m) => `]${blank(m.slice(1))}`)
    .replace(/\b(https?:\/\/|www\.)[^\s)>\]]+/g, blank);
}
