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
import { createPhraseIndex, findPhrase, matchPhrase, nextWord, phraseEnd, previousWord } from '../grammar/windows.js';
import {
  CLEAR_DESCRIPTIONS,
  HINDSIGHT_OPENERS,
  OBVIOUS_WORDS,
  OBVIOUSNESS_INTENSIFIERS,
  INDEFINITE_DETERMINERS,
  STARING_WORDS,
  HINDSIGHT_OPENING_PHRASES,
  HINDSIGHT_PHRASES,
  INDEFINITE_PEOPLE,
  MINIMISED_DUTIES,
  MINIMISERS,
  MINIMISING_FRAMES,
  PERCEPTION_VERBS,
  TRIVIAL_PHRASES,
} from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const PAST = new Set(['was', 'were', 'had', 'should', 'could', 'would', "should've", "could've", 'did']);
const SAYING = new Set(['put', 'said', 'stated', 'speaking', 'written', 'worded', 'phrased', 'say', 'state']);
const HINDSIGHT = createPhraseIndex([...HINDSIGHT_PHRASES, ...TRIVIAL_PHRASES]);
const OPENING = createPhraseIndex(HINDSIGHT_OPENING_PHRASES);

/** `blame/hindsight`: obviously, clearly, "it was clear that", "the engineer simply needed to". */
export function checkHindsight(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/hindsight';
  // "Obviously, we will share the report": a promise, not a judgement of the past.
  const ahead = words.some((w) => w.lower === 'will' || w.lower === "we'll") && !words.some((w) => PAST.has(w.lower));
  const hit = ahead ? null : matchPhrase(words, HINDSIGHT, 0, (at, end) => !describesThing(words, at) && !fromEvidence(words, end));
  if (hit) return [span(rule, words[hit[0]]!, words[hit[1]]!)];
  const obvious = itWasObvious(words) ?? trivialAfterAll(words);
  if (obvious) return [span(rule, words[obvious[0]]!, words[obvious[1]]!)];
  const first = nextWord(words, -1);
  if (first !== -1 && HINDSIGHT_OPENERS.has(words[first]!.lower) && words[first + 1]?.text === ',' && !ahead) return [span(rule, words[first]!, words[first]!)];
  // "Looking back, the mistake is glaring.": an opening phrase set off by a comma.
  const opening = first === -1 ? null : matchPhrase(words, OPENING, first, (at, end) => at === first && words[end + 1]?.text === ',');
  if (opening) return [span(rule, words[opening[0]]!, words[opening[1]]!)];
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    if (MINIMISERS.has(lower)) {
      const before = previousWord(words, i);
      // "Yuki only had to compare": "only" minimises a duty ("had to"), not a fact ("only had access").
      const dutyWord = nextWord(words, i);
      const duty = MINIMISED_DUTIES.has(words[dutyWord]?.lower ?? '') && (lower !== 'only' || words[nextWord(words, dutyWord)]?.lower === 'to');
      if (duty && before !== -1 && isPersonAt(words, before, people) && !words[before]!.lower.endsWith("'s")) return [span(rule, words[before]!, words[i]!)];
    }
    if (INDEFINITE_PEOPLE.has(lower) && couldHaveSeen(words, i)) return [span(rule, words[i]!, words[i]!)];
    // "Any competent engineer would have spotted…": "any" with a role is "anyone".
    const role = INDEFINITE_DETERMINERS.has(lower) ? anyRole(words, i, people) : -1;
    if (role !== -1 && couldHaveSeen(words, role)) return [span(rule, words[i]!, words[role]!)];
    // "staring the team in the face": whoever is stared at, the answer was "there".
    const face = STARING_WORDS.has(lower) ? findPhrase(words, ['in', 'the', 'face'], i) : -1;
    if (face !== -1 && face - i <= 10) return [span(rule, words[i]!, words[phraseEnd(words, face, 3)]!)];
    const frame = lower === 'all' ? minimisingFrame(words, i) : -1;
    if (frame !== -1) return [span(rule, words[i]!, words[frame]!)];
  }
  return [];
}

const HINDSIGHT_MODALS = new Set(['should', 'would', 'could']);

/**
 * "A trivial check would have caught it", "the fix was trivial and should
 * have taken five minutes", "the fix was trivial: just roll back": "trivial"
 * judged against what was (or should have been) done, which only hindsight
 * knows. "The fix was trivial" alone describes the fix and passes.
 */
function trivialAfterAll(words: readonly Token[]): [number, number] | null {
  const at = words.findIndex((w) => w.lower === 'trivial' || w.lower === 'trivially');
  if (at === -1) return null;
  for (let j = nextWord(words, at), n = 0; j !== -1 && n < 10; j = nextWord(words, j), n++) {
    const lower = words[j]!.lower;
    const have = nextWord(words, j);
    if (HINDSIGHT_MODALS.has(lower) && ['have', 'not'].includes(words[have]?.lower ?? '')) return [at, have];
    if (/^(should|would|could)(n't)?'ve$/.test(lower)) return [at, j];
    // "trivial: just roll back": the answer given as if it had been plain all along.
    if (n === 0 && lower === 'just' && [':', '—', '–', ';'].includes(words[at + 1]?.text ?? '')) return [at, j];
  }
  return null;
}

/**
 * "the dashboard clearly labels each region": an adverb on a present-tense
 * verb describes a thing; so does one on how a thing is shown ("clearly
 * labelled", "obviously named metrics").
 */
function describesThing(words: readonly Token[], at: number): boolean {
  if (!['clearly', 'plainly', 'obviously'].includes(words[at]!.lower)) return false;
  const next = words[nextWord(words, at)]?.lower ?? '';
  // "Plainly put,", "to put it plainly", "stated clearly": how the authors say it, not what anyone should have seen.
  if (SAYING.has(next) || SAYING.has(words[previousWord(words, at)]?.lower ?? '') || words[previousWord(words, at)]?.lower === 'it') return true;
  if (CLEAR_DESCRIPTIONS.has(next)) return true;
  return previousWord(words, at) !== -1 && /[^s]s$/.test(next) && !['is', 'was', 'has', 'does'].includes(next);
}

/**
 * "It is clear from the packet capture that…": a conclusion the review draws
 * now from evidence, not hindsight; "it was obvious from the graphs" (at the
 * time) still is.
 */
function fromEvidence(words: readonly Token[], end: number): boolean {
  const present = ['is', 'are'].includes(words[previousWord(words, end)]?.lower ?? '');
  return present && words[nextWord(words, end)]?.lower === 'from' && /^(clear|evident|obvious)$/.test(words[end]!.lower);
}

const IT_WAS = [
  ['it', 'was'],
  ['it', 'had', 'been'],
  ["it's", 'been'],
  ['it', 'has', 'been'],
  ['it', 'always', 'was'],
];

/**
 * "It was always clear the tariff file would break…", "It was pretty obvious
 * from the first graph…": the past, "it" as subject and an intensifier before
 * the adjective (without one, "it was clear" is already a phrase). A
 * sentence that opens "Is obvious that…" (the subject dropped, as a learner
 * writes it) is the same judgement. The first and last index, or null.
 */
function itWasObvious(words: readonly Token[]): [number, number] | null {
  const first = nextWord(words, -1);
  if (first !== -1 && ['is', 'was'].includes(words[first]!.lower) && OBVIOUS_WORDS.has(words[nextWord(words, first)]?.lower ?? ''))
    return [first, nextWord(words, first)];
  for (const frame of IT_WAS) {
    const at = findPhrase(words, frame);
    if (at === -1) continue;
    let j = phraseEnd(words, at, frame.length);
    let n = 0;
    for (j = nextWord(words, j); j !== -1 && n < 2 && OBVIOUSNESS_INTENSIFIERS.has(words[j]!.lower); j = nextWord(words, j)) n++;
    if (n > 0 && j !== -1 && OBVIOUS_WORDS.has(words[j]!.lower)) return [at, j];
  }
  return null;
}

/** "any competent engineer", "any first-year vet student": the index of the role after "any" (up to three modifiers between), or -1. */
export function anyRole(words: readonly Token[], any: number, people: People): number {
  for (let j = nextWord(words, any), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) if (isPersonAt(words, j, people)) return j;
  return -1;
}

/** "all the on-call had to do was…": the minimiser with any subject; the index of the frame's last word, or -1. */
function minimisingFrame(words: readonly Token[], i: number): number {
  for (const frame of MINIMISING_FRAMES) {
    const at = findPhrase(words, frame, i);
    if (at !== -1 && at - i <= 8) return phraseEnd(words, at, frame.length);
  }
  return -1;
}

/** "anyone could have seen". */
function couldHaveSeen(words: readonly Token[], i: number): boolean {
  const MODAL = ['could', "could've", 'would', "would've", 'should', 'must'];
  let j = nextWord(words, i);
  // "anyone paying attention would have seen": a short phrase may stand between; a participle or relative phrase
  // may run longer ("anyone looking at the dashboard would have seen").
  const phrase = /ing$/.test(words[j]?.lower ?? '') || ['who', 'with'].includes(words[j]?.lower ?? '') ? 6 : 3;
  for (let n = 0; j !== -1 && n < phrase && !MODAL.includes(words[j]!.lower); n++) j = nextWord(words, j);
  if (j === -1 || !MODAL.includes(words[j]!.lower)) return false;
  if (words[j]!.lower.endsWith("'ve")) return PERCEPTION_VERBS.has(words[nextWord(words, j)]?.lower ?? '');
  const modal = words[j]!.lower;
  j = nextWord(words, j);
  if (modal === 'could' && foreseeable(words, j)) return true;
  return j !== -1 && words[j]!.lower === 'have' && PERCEPTION_VERBS.has(words[nextWord(words, j)]?.lower ?? '');
}

/** Foreseeing verbs in the present: "anybody could see this", "anyone could tell". */
const FORESEEING = new Set(['see', 'tell', 'spot', 'predict', 'foresee', 'guess']);

/**
 * "anybody could see this", "anyone could see that the script would break":
 * a foreseeing verb whose object is the event ("this", "it", a "that" clause);
 * "anyone could see the files" says who had access, not hindsight.
 */
function foreseeable(words: readonly Token[], verb: number): boolean {
  if (verb === -1 || !FORESEEING.has(words[verb]!.lower)) return false;
  if (words[verb]!.lower !== 'see' && words[verb]!.lower !== 'spot') return true;
  const object = nextWord(words, verb);
  return object === -1 || ['this', 'that', 'it'].includes(words[object]!.lower) || words[verb + 1]?.kind === 'punct';
}
