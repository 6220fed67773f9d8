/**
 * Lays out template output as canonical Markdown without parsing it again:
 * trailing spaces off, at most one blank line in a row, none at the ends,
 * one final newline, and GFM tables with padded columns (as remark-gfm
 * prints them). Fenced code is copied as it is. The text is already escaped
 * by the helpers in `escape.ts`, so this pass only moves white space.
 *
 * @example
 * layoutMarkdown('| a | bb |\n| --- | --- |\n| ccc | d |\n')
 * // → '| a   | bb |\n| --- | -- |\n| ccc | d  |\n'
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DELIMITER_ROW = /^\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?\s*$/;

/** Template output → canonical Markdown: blank lines, trailing space and table columns made regular. */
export function layoutMarkdown(text: string): string {
  const input = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const blank = () => out.length === 0 || out[out.length - 1] === '';
  for (let index = 0; index < input.length; index++) {
    const line = input[index]!;
    const fence = FENCE.exec(line);
    if (fence) {
      index = copyFence(input, index, fence[1]!, out);
      continue;
    }
    if (line.startsWith('|') && DELIMITER_ROW.test(input[index + 1] ?? '')) {
      let end = index + 2;
      while (end < input.length && input[end]!.startsWith('|')) end++;
      out.push(...layoutTable(input.slice(index, end)));
      index = end - 1;
      continue;
    }
    const trimmed = line.replace(/[ \t]+$/, '');
    if (trimmed === '' && blank()) continue;
    out.push(trimmed);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Copies a fenced block up to and including its closing fence; returns the index of its last line. */
function copyFence(input: readonly string[], start: number, opening: string, out: string[]): number {
  out.push(input[start]!.replace(/[ \t]+$/, ''));
  for (let index = start + 1; index < input.length; index++) {
    const line = input[index]!;
    const closing = FENCE.exec(line);
    if (closing && closing[1]![0] === opening[0] && closing[1]!.length >= opening.length && line.trim() === closing[1]) {
      out.push(line.trim());
      return index;
    }
    out.push(line);
  }
  return input.length - 1;
}

type Alignment = 'none' | 'left' | 'right' | 'center';

const BACKSLASH = 0x5c;
const PIPE = 0x7c;

/** The cells of one row: split at pipes that are not escaped, outer pipes dropped, each trimmed. */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  let start = 0;
  // Char codes and slices: building each cell a character at a time was most of the cost of a table.
  for (let index = 0; index < row.length; index++) {
    const code = row.charCodeAt(index);
    if (code === BACKSLASH) index++;
    else if (code === PIPE) {
      cells.push(row.slice(start, index));
      start = index + 1;
    }
  }
  cells.push(row.slice(start));
  if (row.trimStart().startsWith('|')) cells.shift();
  if (cells.length > 0 && cells[cells.length - 1]!.trim() === '' && /\|\s*$/.test(row)) cells.pop();
  return cells.map((value) => value.trim());
}

function alignmentOf(delimiter: string): Alignment {
  const left = delimiter.startsWith(':');
  const right = delimiter.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : 'none';
}

function delimiterCell(alignment: Alignment, width: number): string {
  const colons = alignment === 'center' ? 2 : alignment === 'none' ? 0 : 1;
  const dashes = '-'.repeat(Math.max(1, width - colons));
  return alignment === 'center' ? `:${dashes}:` : alignment === 'left' ? `:${dashes}` : alignment === 'right' ? `${dashes}:` : dashes;
}

function pad(cell: string, width: number, alignment: Alignment): string {
  const room = width - cell.length;
  if (alignment === 'right') return ' '.repeat(room) + cell;
  if (alignment === 'center') return ' '.repeat(Math.ceil(room / 2)) + cell + ' '.repeat(Math.floor(room / 2));
  return cell + ' '.repeat(room);
}

/** Header, delimiter row and body rows → rows with every column as wide as its widest cell. */
function layoutTable(rows: readonly string[]): string[] {
  const [header, delimiter, ...body] = rows.map(splitRow);
  const alignments = delimiter!.map(alignmentOf);
  // GFM keeps as many columns as the header has: longer rows lose their extra cells.
  const matrix = [header!, ...body.map((cells) => cells.slice(0, header!.length))];
  const columns = Math.max(...matrix.map((cells) => cells.length));
  const widths = Array.from({ length: columns }, (_, column) => {
    const alignment = alignments[column] ?? 'none';
    const minimum = (alignment === 'center' ? 2 : alignment === 'none' ? 0 : 1) + 1;
    return Math.max(minimum, ...matrix.map((cells) => (cells[column] ?? '').length));
  });
  const line = (cells: readonly string[]) => `| ${widths.map((width, column) => pad(cells[column] ?? '', width, alignments[column] ?? 'none')).join(' | ')} |`;
  const [head, ...rest] = matrix;
  return [line(head!), line(widths.map((width, column) => delimiterCell(alignments[column] ?? 'none', width))), ...rest.map(line)];
}
