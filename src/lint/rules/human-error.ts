/**
 * `blame/human-error`: "human error", "operator error", "a mistake by the
 * on-call" named as a cause. A phrase that ends in "by" or "of" counts only
 * with a person after it, and "careless human error" is left to judgement.
 *
 * @example
 * checkHumanError(sentence, people) // [{ ruleId: 'blame/human-error', … }] for "Root cause: human error."
 */
import { nextPerson, type People } from '../grammar/people.js';
import type { Span } from '../grammar/tokens.js';
import { createPhraseIndex, matchPhrase, previousWord } from '../grammar/windows.js';
import { HUMAN_ERROR_PHRASES, JUDGEMENT_WORDS } from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const HUMAN_ERROR = createPhraseIndex(HUMAN_ERROR_PHRASES);
const JUDGEMENT_FIRST = new Set(JUDGEMENT_WORDS.map((entry) => entry.word[0]!));

/** `blame/human-error`: "human error", "operator error", "a mistake by the on-call". */
export function checkHumanError(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const hit = matchPhrase(words, HUMAN_ERROR, 0, (at, end) => {
    if (JUDGEMENT_FIRST.has(words[previousWord(words, at)]?.lower ?? '')) return false;
    if (words[end]!.lower !== 'by' && words[end]!.lower !== 'of') return true;
    return nextPerson(words, end, people) !== -1;
  });
  return hit ? [span('blame/human-error', words[hit[0]]!, words[hit[1]]!)] : [];
}
