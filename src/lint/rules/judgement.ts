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
import type { Span, Token } from '../grammar/tokens.js';
import { createPhraseIndex, matchPhrase, nextWord } from '../grammar/windows.js';
import { HUMAN_WORK, JUDGEMENT_WORDS } from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const JUDGEMENT = new Map(JUDGEMENT_WORDS.map((entry) => [entry.word.join(' '), entry]));
const JUDGEMENT_INDEX = createPhraseIndex(JUDGEMENT_WORDS.map((entry) => entry.word));

/** The one-word judgements ("careless", "lazy"), for rules that ask whether a phrase judges before they read it. */
export const JUDGEMENT_ADJECTIVES: ReadonlySet<string> = new Set(JUDGEMENT_WORDS.filter((entry) => entry.word.length === 1).map((entry) => entry.word[0]!));

/**
 * "Reckless Ronnie's Burgers", "Lazy Dog Cafe": a capitalised judgement word
 * followed by a capitalised possessive that is not a known person ("Ronnie's")
 * is part of a business name, not a judgement of anyone; a title-case heading
 * ("Negligent Engineering Practices") is still read.
 */
function inBusinessName(words: readonly Token[], at: number, end: number, people: People): boolean {
  const next = nextWord(words, end);
  const following = words[next];
  // "Lazy Susan is what the props team calls the stage": a two-word proper name in running text (then lower case).
  const third = words[nextWord(words, next)];
  if (
    /^[A-Z]/.test(words[at]!.text) &&
    following &&
    /^[A-Z][a-z]/.test(following.text) &&
    third &&
    /^[a-z]/.test(third.text) &&
    !isPersonAt(words, next, people)
  )
    return true;
  if (
    !/^[A-Z]/.test(words[at]!.text) ||
    following === undefined ||
    !/^[A-Z][a-z]+'s$/.test(following.lower.replace(/^./, (c) => c.toUpperCase())) ||
    !/^[A-Z]/.test(following.text)
  )
    return false;
  // "Careless Kim …" still judges the person named.
  return !isPersonAt(words, next, people);
}

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
    if (inBusinessName(words, at, end, people)) return false;
    // "Lazy engineering on the queue": a word that judges people judges them through the work it qualifies.
    return !entry.person || HUMAN_WORK.has(words[nextWord(words, end)]?.lower ?? '') || words.some((_, i) => isPersonAt(words, i, people));
  });
  return hit ? [span('blame/judgement', words[hit[0]]!, words[hit[1]]!)] : [];
}
