/**
 * The rules that start from a phrase and then check its context: human
 * error, judgement, punishment, hindsight and vague actions. Each phrase has
 * innocent senses ("the alert fired", "lazy loading", "a CI check that
 * double-checks"), so every match is confirmed by a look at its neighbours.
 *
 * @example
 * checkPunitive(sentence, people) // [{ ruleId: 'blame/punitive', … }] for "Jordan was written up"
 */
import { isPersonAt, personSubject, type People } from './people.js';
import type { Finding } from './finding.js';
import { createPhraseIndex, findPhrase, matchPhrase, nextWord, previousWord, type Span, type Token } from './tokens.js';
import {
  HINDSIGHT_PHRASES, HUMAN_ERROR_PHRASES, JUDGEMENT_WORDS, MINIMISERS, PERCEPTION_VERBS, PUNITIVE_PASSIVE, PUNITIVE_PHRASES,
  SYSTEMIC_MARKERS, VAGUE_ACTION_PHRASES, VAGUE_IMPERATIVES,
} from './vocabulary.js';

function found(ruleId: string, words: readonly Token[], at: number, end: number): Finding {
  return { ruleId, start: words[at]!.start, end: words[end]!.end };
}

const HUMAN_ERROR = createPhraseIndex(HUMAN_ERROR_PHRASES);
const PUNITIVE = createPhraseIndex(PUNITIVE_PHRASES);
const HINDSIGHT = createPhraseIndex(HINDSIGHT_PHRASES);
const VAGUE = createPhraseIndex(VAGUE_ACTION_PHRASES);
const JUDGEMENT = new Map(JUDGEMENT_WORDS.map((entry) => [entry.word.join(' '), entry]));
const JUDGEMENT_INDEX = createPhraseIndex(JUDGEMENT_WORDS.map((entry) => entry.word));

const JUDGEMENT_FIRST = new Set(JUDGEMENT_WORDS.map((entry) => entry.word[0]!));

/** `blame/human-error`: "human error", "operator error", "a mistake by the on-call". */
export function checkHumanError(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const hit = matchPhrase(words, HUMAN_ERROR, 0, (at, end) => {
    if (JUDGEMENT_FIRST.has(words[previousWord(words, at)]?.lower ?? '')) return false;
    if (words[end]!.lower !== 'by' && words[end]!.lower !== 'of') return true;
    return nearPerson(words, end, people);
  });
  return hit ? [found('blame/human-error', words, hit[0], hit[1])] : [];
}

function nearPerson(words: readonly Token[], from: number, people: People): boolean {
  for (let j = nextWord(words, from), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) if (isPersonAt(words, j, people)) return true;
  return false;
}

/** `blame/judgement`: careless, sloppy, negligent… except in their technical senses. */
export function checkJudgement(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const hit = matchPhrase(words, JUDGEMENT_INDEX, 0, (at, end) => {
    const entry = JUDGEMENT.get(words.slice(at, end + 1).filter((w) => w.kind === 'word').map((w) => w.lower).join(' '))!;
    if (entry.innocent?.includes(words[nextWord(words, end)]?.lower ?? '')) return false;
    return !entry.person || words.some((_, i) => isPersonAt(words, i, people));
  });
  return hit ? [found('blame/judgement', words, hit[0], hit[1])] : [];
}

const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'got', 'get', 'gets']);

/** `blame/punitive`: someone reprimanded, written up, fired, let go, held accountable. */
export function checkPunitive(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/punitive';
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    if (PUNITIVE_PASSIVE.has(lower)) {
      const passive = BE.has(words[previousWord(words, i)]?.lower ?? '') && personSubject(words, i, people) !== -1;
      if (passive || nearPerson(words, i, people) && personSubject(words, i, people) !== -1) return [found(rule, words, i, i)];
    }
    if ((lower === 'hold' || lower === 'held' || lower === 'holding') && heldAccountable(words, i, people)) {
      return [found(rule, words, i, findPhrase(words, ['accountable'], i))];
    }
  }
  const hit = matchPhrase(words, PUNITIVE, 0, (at, end) => {
    const first = words[at]!.lower;
    if ((first === 'written' && words[nextWord(words, at)]?.lower === 'up') || first === 'let' || first === 'removed') {
      return BE.has(words[previousWord(words, at)]?.lower ?? '') && personSubject(words, at, people) !== -1;
    }
    if (first === 'consequences') return nearPerson(words, at + 1, people);
    if (words[end]!.lower === 'warning') return personSubject(words, at, people) !== -1;
    return true;
  });
  return hit ? [found(rule, words, hit[0], hit[1])] : [];
}

function heldAccountable(words: readonly Token[], i: number, people: People): boolean {
  const accountable = findPhrase(words, ['accountable'], i);
  return accountable !== -1 && accountable - i <= 8 && (nearPerson(words, i, people) || personSubject(words, i, people) !== -1);
}

/** `blame/hindsight`: obviously, clearly, "it was clear that", "the engineer simply needed to". */
export function checkHindsight(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/hindsight';
  const hit = matchPhrase(words, HINDSIGHT, 0, (at) => !describesThing(words, at));
  if (hit) return [found(rule, words, hit[0], hit[1])];
  const first = nextWord(words, -1);
  if (first !== -1 && words[first]!.lower === 'naturally' && words[first + 1]?.text === ',') return [found(rule, words, first, first)];
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    if (MINIMISERS.has(lower)) {
      const before = previousWord(words, i);
      if (before !== -1 && isPersonAt(words, before, people) && !words[before]!.lower.endsWith("'s")) return [found(rule, words, before, i)];
    }
    if ((lower === 'anyone' || lower === 'anybody') && couldHaveSeen(words, i)) return [found(rule, words, i, i)];
    if (lower === 'all' && allTheyHadToDo(words, i)) return [found(rule, words, i, findPhrase(words, ['do'], i))];
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

/** `blame/vague-action`: "be more careful", "remind staff to…", "double-check configs". */
export function checkVagueAction(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/vague-action';
  const hit = matchPhrase(words, VAGUE);
  if (hit) return [found(rule, words, hit[0], hit[1])];
  let first = nextWord(words, -1);
  // "Everyone must double-check…": the imperative after a person and a modal.
  const modal = words.findIndex((w) => ['must', 'should', 'will', 'shall'].includes(w.lower));
  if (modal !== -1 && personSubject(words, modal, people) !== -1 && VAGUE_IMPERATIVES.has(words[nextWord(words, modal)]?.lower ?? '')) first = nextWord(words, modal);
  if (first === -1 || !VAGUE_IMPERATIVES.has(words[first]!.lower)) return [];
  if (words.some((w) => SYSTEMIC_MARKERS.has(w.lower))) return [];
  const lower = words[first]!.lower;
  if (lower.startsWith('double') || lower.includes('train') || nearPerson(words, first, people)) return [found(rule, words, first, first)];
  return [];
}
