/**
 * `blame/judgement`: judgemental words about people or their work
 * (careless, sloppy, negligent…), except in their technical senses ("lazy
 * loading", "sloppy quorum"); some words judge only when a person is in the
 * sentence ("useless", "impatient").
 *
 * @example
 * checkJudgement(sentence, people) // [{ ruleId: 'blame/judgement', … }] for "The change was careless."
 */
import { isPersonAt, type People } from '../grammar/people.js';
import type { Span } from '../grammar/tokens.js';
import { createPhraseIndex, matchPhrase, nextWord } from '../grammar/windows.js';
import { JUDGEMENT_WORDS } from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const JUDGEMENT = new Map(JUDGEMENT_WORDS.map((entry) => [entry.word.join(' '), entry]));
const JUDGEMENT_INDEX = createPhraseIndex(JUDGEMENT_WORDS.map((entry) => entry.word));

/** `blame/judgement`: careless, sloppy, negligent… except in their technical senses. */
export function checkJudgement(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const hit = matchPhrase(words, JUDGEMENT_INDEX, 0, (at, end) => {
    const entry = JUDGEMENT.get(
      words
        .slice(at, end + 1)
        .filter((w) => w.kind === 'word')
        .map((w) => w.lower)
        .join(' '),
    )!;
    if (entry.innocent?.includes(words[nextWord(words, end)]?.lower ?? '')) return false;
    return !entry.person || words.some((_, i) => isPersonAt(words, i, people));
  });
  return hit ? [span('blame/judgement', words[hit[0]]!, words[hit[1]]!)] : [];
}
