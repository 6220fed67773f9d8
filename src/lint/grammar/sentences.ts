/**
 * Sentence and clause edges over the tokens: the rules look for a subject
 * and its verb inside one clause, never across a sentence end.
 *
 * @example
 * splitSentences(tokenize('Kim paged Lee. Lee joined.')).length // 2
 */
import { PERSONAL_TITLES } from './people.js';
import type { Span, Token } from './tokens.js';

const SENTENCE_END = new Set(['.', '!', '?']);

/** Abbreviations whose period does not end a sentence when a lower-case word or a number follows ("approx. 400", "e.g. checkout"). */
const ABBREVIATIONS = new Set([
  'approx',
  'appr',
  'eng',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'vs',
  'incl',
  'excl',
  'est',
  'dept',
  'no',
  'nr',
  'fig',
  'cf',
  'ca',
  'resp',
  'min',
  'max',
  'avg',
  'sec',
  'secs',
  'mins',
  'hrs',
  'hr',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sr',
  'jr',
  'st',
  'co',
  'corp',
  'inc',
  'ltd',
  'dev',
  'prod',
  'env',
  'config',
  'mgr',
  'ops',
]);

/** Is the period at `i` the end of an abbreviation inside a sentence? */
function abbreviationAt(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (tokens[i]!.text !== '.' || !before || before.kind !== 'word' || !ABBREVIATIONS.has(before.lower)) return false;
  const after = tokens[i + 2];
  // "Mr. Dmitri", "Dr. Osei": a title comes before a capitalised name, so the capital does not start a sentence.
  if (PERSONAL_TITLES.has(before.lower)) return after !== undefined && after.kind === 'word';
  return after !== undefined && after.kind === 'word' && !/^[A-Z]/.test(after.text);
}

/** Sentences: split after . ! ? followed by space (not after an abbreviation inside a sentence), at blank lines and at list markers. */
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
    if (token.kind === 'punct' && SENTENCE_END.has(token.text) && (!next || next.kind === 'space') && !abbreviationAt(tokens, i)) flush();
  }
  flush();
  return sentences;
}

/** Words that open a new clause, whose subject is not the sentence's subject. */
const CLAUSE_OPENERS = new Set(['because', 'when', 'since', 'although', 'though', 'but', 'whereas', 'which', 'so', 'if', 'unless', 'until']);
const CLAUSE_PUNCT = new Set([';', ':', '\u2014', '\u2013', '(', ')']);

/** "at 18:00": a colon between digits with no space is a time, not a clause break. */
function clockTime(words: readonly Token[], k: number): boolean {
  const before = words[k - 1];
  const after = words[k + 1];
  return words[k]!.text === ':' && before?.end === words[k]!.start && after?.start === words[k]!.end && /\d$/.test(before.text) && /^\d/.test(after.text);
}

/** Clauses of one sentence: split at ; : dashes and before subordinating words. */
export function splitClauses(sentence: Span): Span[] {
  const clauses: Span[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) clauses.push({ words: current, start: current[0]!.start, end: current[current.length - 1]!.end });
    current = [];
  };
  for (const [k, token] of sentence.words.entries()) {
    if (token.kind === 'punct' && CLAUSE_PUNCT.has(token.text) && !clockTime(sentence.words, k)) {
      flush();
      continue;
    }
    if (token.kind === 'word' && CLAUSE_OPENERS.has(token.lower) && current.length > 0) flush();
    current.push(token);
  }
  flush();
  return clauses;
}
