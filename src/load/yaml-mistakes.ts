/**
 * The YAML mistakes people make in their first hour, explained and repaired:
 * a value holding `: ` (`title: Outage: DB down`), a tab used as indentation,
 * and a quote that is never closed. yaml's own message says what it saw; the
 * hint here says what to write. The repair changes only the lines at fault,
 * so the rest of the file can still be checked with its own line numbers.
 *
 * @example
 * explainYamlMistake('title: Outage: DB down\n', { code: 'BLOCK_AS_IMPLICIT_KEY', message: '…', pos: [7, 8] })
 * // → { line: 1, message: 'The value of `title` holds `: `, …', hint: 'Quote the value: `title: "Outage: DB down"` …', repaired: 'title: "Outage: DB down"' }
 */

export interface YamlMistake {
  /** 1-based line that the repair replaces. */
  line: number;
  /** What is wrong, in the user's terms (the key it concerns), instead of the parser's wording. */
  message: string;
  hint: string;
  /** The line as it should be written, or null when no safe repair is known. */
  repaired: string | null;
}

/** `key: value` on one line, possibly as a list item; the value is plain (not quoted, not a block or flow). */
const PLAIN_PAIR = /^(\s*(?:-\s+)?)([^\s:#'"][^:#]*?):[ \t]+([^'"\[{|>&*!#\s].*?)\s*$/;
/** A value that opens a quote it does not close on the same line. */
const OPEN_QUOTE = /^(\s*(?:-\s+)?[^\s:#][^:#]*?:[ \t]+)(["'])(.*)$/;
/** The key a line starts with (`  - owner: x` → `owner`). */
const LINE_KEY = /^\s*(?:-\s+)?([^\s:#'"][^:#]*?):(?:\s|$)/;

/** `the line of \`key\`` when the line holds one, else `line N`. */
function lineName(lineText: string, lineNumber: number): string {
  const key = LINE_KEY.exec(lineText)?.[1];
  return key ? `the line of \`${key.trim()}\`` : `line ${lineNumber}`;
}

/** The parts of a yaml error this module reads. */
export interface YamlErrorLike {
  code: string;
  message: string;
  pos: readonly [number, number];
}

/** What to do about one yaml error; null for errors without a known common cause. */
export function explainYamlMistake(text: string, error: YamlErrorLike): YamlMistake | null {
  const { code } = error;
  const lines = text.split('\n');
  const lineIndex = text.slice(0, error.pos[0]).split('\n').length - 1;
  const lineText = (lines[lineIndex] ?? '').replace(/\r$/, '');
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') return quoteValue(lines, lineIndex);
  if (code === 'TAB_AS_INDENT') {
    const repaired = lineText.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '  '));
    const where = lineName(lineText, lineIndex + 1);
    return {
      line: lineIndex + 1,
      message: `${where.charAt(0).toUpperCase()}${where.slice(1)} is indented with a tab`,
      hint: 'Indent with spaces: YAML does not allow tabs as indentation (set your editor to insert spaces in .yaml files).',
      repaired,
    };
  }
  if (code === 'MISSING_CHAR' && /quote/i.test(error.message)) return closeQuote(lines, lineIndex);
  return null;
}

function quoteValue(lines: readonly string[], lineIndex: number): YamlMistake | null {
  // yaml points at the second colon, or at the start of the line after the pair.
  for (const index of [lineIndex, lineIndex - 1]) {
    const lineText = (lines[index] ?? '').replace(/\r$/, '');
    const match = PLAIN_PAIR.exec(lineText);
    if (!match || !/:\s/.test(`${match[3]!} `)) continue;
    const [, indent, key, value] = match;
    const repaired = `${indent!}${key!}: "${value!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return {
      line: index + 1,
      message: `The value of \`${key!.trim()}\` holds \`: \`, which YAML reads as the start of a nested mapping`,
      hint: `Quote the value: \`${repaired.trim()}\` (a colon followed by a space starts a mapping unless the text is in quotes).`,
      repaired,
    };
  }
  return null;
}

function closeQuote(lines: readonly string[], lineIndex: number): YamlMistake | null {
  // yaml reports the end of the file; the quote was opened on the last line that opens one without closing it.
  for (let index = Math.min(lineIndex, lines.length - 1); index >= 0; index--) {
    const lineText = (lines[index] ?? '').replace(/\r$/, '');
    const match = OPEN_QUOTE.exec(lineText);
    if (!match) continue;
    const [, head, quote, rest] = match;
    if (rest!.replace(quote === '"' ? /\\./g : /''/g, '').includes(quote!)) continue;
    const repaired = `${head!}${quote!}${rest!.trimEnd()}${quote!}`;
    return {
      line: index + 1,
      message: `The quote that opens the value of \`${LINE_KEY.exec(lineText)?.[1]?.trim() ?? '?'}\` on line ${index + 1} is never closed`,
      hint: `Close the quote on line ${index + 1}: \`${repaired.trim()}\`. For text over several lines, write \`key: >\` and indent the text on the lines below.`,
      repaired,
    };
  }
  return null;
}

/**
 * The text with every explained mistake repaired, and the lines that
 * changed; null when some error has no repair (then nothing more is checked).
 */
export function repairYamlMistakes(text: string, errors: readonly YamlErrorLike[]): { text: string; lines: ReadonlySet<number> } | null {
  const lines = text.split('\n');
  const changed = new Set<number>();
  for (const error of errors) {
    const mistake = explainYamlMistake(text, error);
    if (!mistake?.repaired) return null;
    const ending = lines[mistake.line - 1]?.endsWith('\r') ? '\r' : '';
    lines[mistake.line - 1] = `${mistake.repaired}${ending}`;
    changed.add(mistake.line);
  }
  return { text: lines.join('\n'), lines: changed };
}
