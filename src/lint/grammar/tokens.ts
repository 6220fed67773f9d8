/**
 * A small, fast word splitter. The linter needs word positions, not a full
 * natural-language tree, and this pass is what keeps it an order of
 * magnitude faster than a retext pipeline. Quoted text and inline code
 * become opaque tokens, so "Avoid careless restarts" in quotes is never read
 * as prose.
 *
 * @example
 * tokenize('Kim paged ops.').filter((t) => t.kind === 'word').length // 3
 */
export type TokenKind = 'word' | 'punct' | 'space' | 'opaque';

export interface Token {
  text: string;
  /** Lower case, typographic apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/** The placeholder that stands for inline code or other text that is not prose. */
export const OPAQUE = '\uFFFC';

const TOKEN =
  /`[^`\n]*`|"[^"\n]*"|\u201C[^\u201D\n]*\u201D|(?<![\p{L}\p{N}])'[^'\n]{1,200}'(?![\p{L}\p{N}])|\u2018[^\u2019\n]{1,200}\u2019(?![\p{L}\p{N}])|\uFFFC|[\p{L}\p{N}]+(?:['\u2019.\-][\p{L}\p{N}]+)*|\s+|[^\s]/gu;

/** Words, punctuation, whitespace and opaque runs (quotes, code), with offsets; `lower` only differs for words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const value = match[0];
    const start = match.index;
    const kind = kindOf(value);
    const lower = kind === 'word' ? lowerWord(value) : value;
    tokens.push({ text: value, lower, start, end: start + value.length, kind });
  }
  return tokens;
}

function kindOf(value: string): TokenKind {
  const first = value.charCodeAt(0);
  if (first === 0x20 || first === 0x0a || first === 0x09 || first === 0x0d) return 'space';
  if ((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || (first >= 0x30 && first <= 0x39)) return 'word';
  if (value.length > 1 && (first === 0x60 || first === 0x22 || first === 0x201c || first === 0x27 || first === 0x2018)) return 'opaque';
  if (value === OPAQUE) return 'opaque';
  if (first < 0x80) return 'punct';
  return /^\s/.test(value) ? 'space' : /^[\p{L}\p{N}]/u.test(value) ? 'word' : 'punct';
}

function lowerWord(value: string): string {
  const lower = value.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

/** A run of tokens: the word tokens only, with their offsets kept. */
export interface Span {
  words: Token[];
  start: number;
  end: number;
}
