/**
 * `blame/hindsight`: hindsight and minimising words: obviously, clearly,
 * "it was clear that", "the engineer simply needed to", "anyone could have
 * seen". An adverb on a present-tense verb describes a thing ("the
 * dashboard clearly labels each region") and passes.
 *
 * @example
 * checkHindsight(sentence, people) // [{ ruleId: 'blame/hindsight', … }] for "Obviously the config was wrong."
 */
import { isPersonAt, type People } from '../grammar/people.js';
import type { Span, Token } from '../grammar/tokens.js';
import { createPhraseIndex, findPhrase, matchPhrase, nextWord, previousWord } from '../grammar/windows.js';
import { HINDSIGHT_PHRASES, MINIMISERS, PERCEPTION_VERBS } from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const HINDSIGHT = createPhraseIndex(HINDSIGHT_PHRASES);

/** `blame/hindsight`: obviously, clearly, "it was clear that", "the engineer simply needed to". */
export function checkHindsight(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/hindsight';
  const hit = matchPhrase(words, HINDSIGHT, 0, (at) => !describesThing(words, at));
  if (hit) return [span(rule, words[hit[0]]!, words[hit[1]]!)];
  const first = nextWord(words, -1);
  if (first !== -1 && words[first]!.lower === 'naturally' && words[first + 1]?.text === ',') return [span(rule, words[first]!, words[first]!)];
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    if (MINIMISERS.has(lower)) {
      const before = previousWord(words, i);
      if (before !== -1 && isPersonAt(words, before, people) && !words[before]!.lower.endsWith("'s")) return [span(rule, words[before]!, words[i]!)];
    }
    if ((lower === 'anyone' || lower === 'anybody') && couldHaveSeen(words, i)) return [span(rule, words[i]!, words[i]!)];
    if (lower === 'all' && allTheyHadToDo(words, i)) return [span(rule, words[i]!, words[findPhrase(words, ['do'], i)]!)];
  }
  return [];
}

/** "the dashboard clearly labels each region": an adverb on a present-tense verb describes a thing. */
function describesThing(words: readonly Token[], at: number): boolean {
  if (!['clearly', 'plainly', 'obviously'].includes(words[at]!.lower) || previousWord(words, at) === -1) return false;
  const next = words[nextWord(words, at)]?.lower ?? '';
  return /[^s]s$/.test(next) && !['is', 'was', 'has', 'does'].includes(next);
}

/** "all the on-call had to do was…": the minimiser with any subject. */
function allTheyHadToDo(words: readonly Token[], i: number): boolean {
  const had = findPhrase(words, ['had', 'to', 'do'], i);
  return had !== -1 && had - i <= 8;
}

/** "anyone could have seen". */
function couldHaveSeen(words: readonly Token[], i: number): boolean {
  let j = nextWord(words, i);
  if (j === -1 || !['could', "could've", 'would', 'should', 'must'].includes(words[j]!.lower)) return false;
  if (words[j]!.lower.endsWith("'ve")) return PERCEPTION_VERBS.has(words[nextWord(words, j)]?.lower ?? '');
  j = nextWord(words, j);
  return j !== -1 && words[j]!.lower === 'have' && PERCEPTION_VERBS.has(words[nextWord(words, j)]?.lower ?? '');
}
