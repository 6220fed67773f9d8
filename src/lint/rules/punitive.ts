/**
 * `blame/punitive`: punishment as an outcome: someone reprimanded, written
 * up, fired, let go, held accountable. The passive words need a person as
 * their subject, so "the timeline was written up by Dana" passes.
 *
 * @example
 * checkPunitive(sentence, people) // [{ ruleId: 'blame/punitive', … }] for "Jordan was written up"
 */
import { nextPerson, personSubject, type People } from '../grammar/people.js';
import type { Span, Token } from '../grammar/tokens.js';
import { createPhraseIndex, findPhrase, matchPhrase, nextWord, previousWord } from '../grammar/windows.js';
import { PUNITIVE_PASSIVE, PUNITIVE_PHRASES } from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const PUNITIVE = createPhraseIndex(PUNITIVE_PHRASES);
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'got', 'get', 'gets']);

/** `blame/punitive`: someone reprimanded, written up, fired, let go, held accountable. */
export function checkPunitive(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/punitive';
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    if (PUNITIVE_PASSIVE.has(lower)) {
      const subject = personSubject(words, i, people) !== -1;
      const passive = BE.has(words[previousWord(words, i)]?.lower ?? '') && subject;
      if (passive || (nextPerson(words, i, people) !== -1 && subject)) return [span(rule, words[i]!, words[i]!)];
    }
    if ((lower === 'hold' || lower === 'held' || lower === 'holding') && heldAccountable(words, i, people)) {
      return [span(rule, words[i]!, words[findPhrase(words, ['accountable'], i)]!)];
    }
  }
  const hit = matchPhrase(words, PUNITIVE, 0, (at, end) => {
    const first = words[at]!.lower;
    if ((first === 'written' && words[nextWord(words, at)]?.lower === 'up') || first === 'let' || first === 'removed') {
      return BE.has(words[previousWord(words, at)]?.lower ?? '') && personSubject(words, at, people) !== -1;
    }
    if (first === 'consequences') return nextPerson(words, at + 1, people) !== -1;
    if (words[end]!.lower === 'warning') return personSubject(words, at, people) !== -1;
    return true;
  });
  return hit ? [span(rule, words[hit[0]]!, words[hit[1]]!)] : [];
}

function heldAccountable(words: readonly Token[], i: number, people: People): boolean {
  const accountable = findPhrase(words, ['accountable'], i);
  return accountable !== -1 && accountable - i <= 8 && (nextPerson(words, i, people) !== -1 || personSubject(words, i, people) !== -1);
}
