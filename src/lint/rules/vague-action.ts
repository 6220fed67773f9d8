/**
 * `blame/vague-action`: action items that ask people to try harder: "be
 * more careful", "remind staff to…", "double-check configs". An action a
 * system performs passes ("add a CI check that double-checks…", "remind
 * owners automatically").
 *
 * @example
 * checkVagueAction(sentence, people) // [{ ruleId: 'blame/vague-action', … }] for "Double-check configs in future."
 */
import { nextPerson, personSubject, type People } from '../grammar/people.js';
import type { Span } from '../grammar/tokens.js';
import { createPhraseIndex, matchPhrase, nextWord } from '../grammar/windows.js';
import { SYSTEMIC_MARKERS, VAGUE_ACTION_PHRASES, VAGUE_IMPERATIVES } from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const VAGUE = createPhraseIndex(VAGUE_ACTION_PHRASES);

/** `blame/vague-action`: "be more careful", "remind staff to…", "double-check configs". */
export function checkVagueAction(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/vague-action';
  const hit = matchPhrase(words, VAGUE);
  if (hit) return [span(rule, words[hit[0]]!, words[hit[1]]!)];
  let first = nextWord(words, -1);
  // "Everyone must double-check…": the imperative after a person and a modal.
  const modal = words.findIndex((w) => ['must', 'should', 'will', 'shall'].includes(w.lower));
  if (modal !== -1 && personSubject(words, modal, people) !== -1 && VAGUE_IMPERATIVES.has(words[nextWord(words, modal)]?.lower ?? ''))
    first = nextWord(words, modal);
  if (first === -1 || !VAGUE_IMPERATIVES.has(words[first]!.lower)) return [];
  if (words.some((w) => SYSTEMIC_MARKERS.has(w.lower))) return [];
  const lower = words[first]!.lower;
  if (lower.startsWith('double') || lower.includes('train') || nextPerson(words, first, people) !== -1) return [span(rule, words[first]!, words[first]!)];
  return [];
}
