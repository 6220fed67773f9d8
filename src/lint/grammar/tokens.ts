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
    if (kind === 'opaque' && isQuotedSpeech(value)) {
      // The inner tokenize shares the one regex: its position is put back after.
      const resume = TOKEN.lastIndex;
      pushSpeech(tokens, value, start);
      TOKEN.lastIndex = resume;
      continue;
    }
    const lower = kind === 'word' ? lowerWord(value) : value;
    tokens.push({ text: value, lower, start, end: start + value.length, kind });
  }
  return tokens;
}

/**
 * A quotation that is a whole spoken or written sentence, "Who the hell
 * told the crew to reclose?", is read as prose: a post-mortem that quotes a
 * manager's or a customer's blame repeats it. The test is the shape of a
 * sentence in double quotes (four or more words, capitalised, ending in . ? or !
 * inside the quotes); a quoted term, message fragment or value stays opaque.
 */
function isQuotedSpeech(value: string): boolean {
  const open = value.charCodeAt(0);
  if (open !== 0x22 && open !== 0x201c) return false;
  return SPEECH.test(value.slice(1, -1));
}

const SPEECH = /^\s*[\p{Lu}][^`]*\s\S+\s\S+\s\S+[.?!]$/u;

/** The quote marks as punctuation, and the words between them as tokens in their own right. */
function pushSpeech(tokens: Token[], value: string, start: number): void {
  const mark = (at: number) => tokens.push({ text: value[at]!, lower: value[at]!, start: start + at, end: start + at + 1, kind: 'punct' });
  mark(0);
  for (const inner of tokenize(value.slice(1, -1))) tokens.push({ ...inner, start: inner.start + start + 1, end: inner.end + start + 1 });
  mark(value.length - 1);
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
