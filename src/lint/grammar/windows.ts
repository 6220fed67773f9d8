/**
 * Looking a few words around a position: the next and previous word past
 * punctuation, a phrase at or after an index, and phrase lists indexed by
 * their first word so a sentence is scanned once. Every rule reads its
 * context through these.
 *
 * @example
 * findPhrase(tokenize('it was, in hindsight, clear'), ['in', 'hindsight']) // 5
 */
import type { Token } from './tokens.js';

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
  words: readonly Token[],
  index: PhraseIndex,
  from = 0,
  accept: (at: number, end: number) => boolean = () => true,
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
