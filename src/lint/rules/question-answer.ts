/**
 * `blame/person-as-cause` across two sentences: a question that asks who did
 * the harm, and the next sentence that answers with a person. "Who wiped
 * the exam bucket? Tenzin did, at 14:02." "Q: Who uploaded the feed that
 * wiped the photos? A: That was Farida." Each sentence alone names nobody
 * as a cause, so the rules, which read one sentence at a time, missed them.
 * The question must name harm (a damage verb, a loaded marker such as
 * "without a review", a bad outcome); "Who paged the on-call? Kim did." is
 * the timeline.
 *
 * @example
 * answeredBlame(question, answer, people) // { ruleId: 'blame/person-as-cause', … } over "Tenzin did"
 */
import { isNarrator, isPersonAt, type People } from '../grammar/people.js';
import type { Span, Token } from '../grammar/tokens.js';
import { createPhraseIndex, matchPhrase, nextWord } from '../grammar/windows.js';
import { BAD_OUTCOMES, LOADED_MARKERS, REMEDY_VERBS } from '../vocabulary/generated.js';
import { damageAt } from './damage.js';
import { span, type Finding } from './finding.js';

const LOADED = createPhraseIndex(LOADED_MARKERS);
/** "Q:" and "A:" labels of an interview or chat log. */
const LABELS = new Set(['q', 'a', 'question', 'answer']);

/** Does the sentence end with a question mark? The cheap test before the others. */
export function isQuestion(sentence: Span): boolean {
  return sentence.words[sentence.words.length - 1]?.text === '?';
}

/** A finding over the answer's person when `question` asks who did a harm and `answer` names a person, else null. */
export function answeredBlame(question: Span, answer: Span, people: People): Finding | null {
  const asked = question.words;
  const who = firstWord(asked);
  if (who === -1 || asked[who]!.lower !== 'who' || !namesHarm(asked, who)) return null;
  const words = answer.words;
  const first = firstWord(words);
  if (first === -1) return null;
  // "Tenzin did", "the night-shift keeper did, at 02:00", "Kwame."
  const person = personAt(words, first, people) ?? copulaPerson(words, first, people);
  if (person === null) return null;
  return span('blame/person-as-cause', words[first]!, words[person]!);
}

/** The first word, after a "Q:" / "A:" label. */
function firstWord(words: readonly Token[]): number {
  const first = nextWord(words, -1);
  if (first !== -1 && LABELS.has(words[first]!.lower) && words[first + 1]?.text === ':') return nextWord(words, first + 1);
  return first;
}

function namesHarm(words: readonly Token[], from: number): boolean {
  if (words.some((w) => REMEDY_VERBS.has(w.lower))) return false;
  return (
    words.some((w, k) => k > from && (damageAt(words, k) !== -1 || BAD_OUTCOMES.has(w.lower) || w.lower === 'without')) ||
    matchPhrase(words, LOADED, from) !== null
  );
}

/** "Tenzin did", "the keeper did", "Kwame." (a person, maybe behind "the", then "did" or the end of the clause). */
function personAt(words: readonly Token[], at: number, people: People): number | null {
  const who = words[at]!.lower === 'the' ? nextWord(words, at) : at;
  if (who === -1 || !isPersonAt(words, who, people) || isNarrator(words[who])) return null;
  const after = words[who + 1];
  const did = nextWord(words, who);
  if (did !== -1 && words[did]!.lower === 'did') return did;
  return after === undefined || (after.kind === 'punct' && /^[.,!;]/.test(after.text)) ? who : null;
}

/** "That was Farida", "It was the vendor team". */
function copulaPerson(words: readonly Token[], at: number, people: People): number | null {
  if (!['that', 'it', 'this'].includes(words[at]!.lower)) return null;
  const be = nextWord(words, at);
  if (be === -1 || words[be]!.lower !== 'was') return null;
  const who = nextWord(words, be);
  return who === -1 ? null : personAt(words, who, people);
}
