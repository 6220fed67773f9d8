/**
 * A small, fast word and sentence splitter. The linter needs word positions
 * and sentence and clause edges, not a full natural-language tree, and this
 * pass is what keeps it an order of magnitude faster than a retext pipeline.
 * Quoted text and inline code become opaque tokens, so "Avoid careless
 * restarts" in quotes is never read as prose.
 *
 * @example
 * splitSentences(tokenize('Kim paged Lee. Lee joined.')).length // 2
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

const TOKEN = /`[^`\n]*`|"[^"\n]*"|\u201C[^\u201D\n]*\u201D|(?<![\p{L}\p{N}])'[^'\n]{1,200}'(?![\p{L}\p{N}])|\u2018[^\u2019\n]{1,200}\u2019(?![\p{L}\p{N}])|\uFFFC|[\p{L}\p{N}]+(?:['\u2019.\-][\p{L}\p{N}]+)*|\s+|[^\s]/gu;

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

const SENTENCE_END = new Set(['.', '!', '?']);

/** Sentences: split after . ! ? followed by space, at blank lines and at list markers. */
export function splitSentences(tokens: readonly Token[]): Span[] {
  const sentences: Span[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) sentences.push({ words: current, start: current[0]!.start, end: current[current.length - 1]!.end });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'space') {
      if (/\n\s*\n/.test(token.text) || (token.text.includes('\n') && /^[-*+]$/.test(tokens[i + 1]?.text ?? ''))) flush();
      continue;
    }
    current.push(token);
    const next = tokens[i + 1];
    if (token.kind === 'punct' && SENTENCE_END.has(token.text) && (!next || next.kind === 'space')) flush();
  }
  flush();
  return sentences;
}

/** Words that open a new clause, whose subject is not the sentence's subject. */
const CLAUSE_OPENERS = new Set(['because', 'when', 'since', 'although', 'though', 'but', 'whereas', 'which', 'so', 'if', 'unless', 'until']);
const CLAUSE_PUNCT = new Set([';', ':', '\u2014', '\u2013', '(', ')']);

/** Clauses of one sentence: split at ; : dashes and before subordinating words. */
export function splitClauses(sentence: Span): Span[] {
  const clauses: Span[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) clauses.push({ words: current, start: current[0]!.start, end: current[current.length - 1]!.end });
    current = [];
  };
  for (const token of sentence.words) {
    if (token.kind === 'punct' && CLAUSE_PUNCT.has(token.text)) {
      flush();
      continue;
    }
    if (token.kind === 'word' && CLAUSE_OPENERS.has(token.lower) && current.length > 0) flush();
    current.push(token);
  }
  flush();
  return clauses;
}

/** Index of `phrase` (lower-case words) in `words` from `from`, ignoring punctuation; -1 when absent. */
export function findPhrase(words: readonly Token[], phrase: readonly string[], from = 0): number {
  outer: for (let i = from; i < words.length; i++) {
    if (words[i]!.lower !== phrase[0]) continue;
    let j = i;
    for (let k = 1; k < phrase.length; k++) {
      j = nextWord(words, j);
      if (j === -1 || words[j]!.lower !== phrase[k]) continue outer;
    }
    return i;
  }
  return -1;
}

/** The end index (inclusive) of a phrase found at `at`. */
export function phraseEnd(words: readonly Token[], at: number, length: number): number {
  let j = at;
  for (let k = 1; k < length; k++) j = nextWord(words, j);
  return j;
}

/** Next word token after index `i` (skipping punctuation); -1 at the end. */
export function nextWord(words: readonly Token[], i: number): number {
  for (let j = i + 1; j < words.length; j++) if (words[j]!.kind === 'word') return j;
  return -1;
}

/** Previous word token before index `i`; -1 at the start. */
export function previousWord(words: readonly Token[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (words[j]!.kind === 'word') return j;
  return -1;
}

/** Phrases grouped by first word, so a sentence is scanned once, not once per phrase. */
export type PhraseIndex = ReadonlyMap<string, ReadonlyArray<readonly string[]>>;

export function createPhraseIndex(phrases: ReadonlyArray<readonly string[]>): PhraseIndex {
  const index = new Map<string, Array<readonly string[]>>();
  for (const phrase of phrases) index.set(phrase[0]!, [...(index.get(phrase[0]!) ?? []), phrase]);
  return index;
}

/** The first phrase of `index` found in `words` from `from` (and accepted), as [start, end] indexes. */
export function matchPhrase(
  words: readonly Token[], index: PhraseIndex, from = 0, accept: (at: number, end: number) => boolean = () => true,
): [number, number] | null {
  for (let i = from; i < words.length; i++) {
    const candidates = words[i]!.kind === 'word' ? index.get(words[i]!.lower) : undefined;
    if (!candidates) continue;
    for (const phrase of candidates) {
      if (findPhrase(words, phrase, i) !== i) continue;
      const end = phraseEnd(words, i, phrase.length);
      if (accept(i, end)) return [i, end];
    }
  }
  return null;
}
