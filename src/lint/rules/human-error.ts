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
import { createPhraseIndex, matchPhrase, nextWord, previousWord } from '../grammar/windows.js';
import type { Token } from '../grammar/tokens.js';
import { ERROR_WORDS, HUMAN_ERROR_PHRASES, ROLE_NOUNS } from '../vocabulary/generated.js';
import { JUDGEMENT_ADJECTIVES } from './judgement.js';
import { span, type Finding } from './finding.js';

const HUMAN_ERROR = createPhraseIndex(HUMAN_ERROR_PHRASES);

/** `blame/human-error`: "human error", "operator error", "a mistake by the on-call". */
export function checkHumanError(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const hit = matchPhrase(words, HUMAN_ERROR, 0, (at, end) => {
    // "careless human error" is left to judgement.
    if (JUDGEMENT_ADJECTIVES.has(words[previousWord(words, at)]?.lower ?? '') || isRuledOut(words, at)) return false;
    // "Operator error messages now include the field": the error is a thing of the system.
    if (ERROR_THINGS.has(words[nextWord(words, end)]?.lower ?? '')) return false;
    if (words[end]!.lower !== 'by' && words[end]!.lower !== 'of') return true;
    return nextPerson(words, end, people) !== -1;
  });
  if (hit) return [span('blame/human-error', words[hit[0]]!, words[hit[1]]!)];
  const role = roleError(words);
  return role === -1 ? [] : [span('blame/human-error', words[previousWord(words, role)]!, words[role]!)];
}

// "no human error", "not operator error", "ruled out human error", "no evidence of operator error":
// the writer is saying the cause was not a person, which is what a blameless report should say.
const DENIALS = new Set(['no', 'not', 'never', 'without']);
const FINDINGS = new Set(['evidence', 'sign', 'signs', 'trace', 'indication', 'suggestion']);

function isRuledOut(words: readonly Token[], at: number): boolean {
  const before = previousWord(words, at);
  const lower = words[before]?.lower ?? '';
  if (DENIALS.has(lower)) return true;
  const earlier = words[previousWord(words, before)]?.lower ?? '';
  if (lower === 'out') return earlier === 'ruled' || earlier === 'rules' || earlier === 'rule';
  if (lower !== 'of' || !FINDINGS.has(earlier)) return false;
  return DENIALS.has(words[previousWord(words, previousWord(words, before))]?.lower ?? '');
}

/** Nouns after "error" that make it a thing of the system: "technician error codes", "the error budget". */
const ERROR_THINGS = new Set([
  'message',
  'messages',
  'code',
  'codes',
  'rate',
  'rates',
  'log',
  'logs',
  'handling',
  'budget',
  'page',
  'pages',
  'path',
  'paths',
  'count',
  'counts',
]);

/** "Root cause: technician error.", "a clerk mistake": a role noun right before an error word; the index of the error word, or -1. */
function roleError(words: readonly Token[]): number {
  for (let i = 0; i < words.length; i++) {
    if (!ERROR_WORDS.has(words[i]!.lower) || ERROR_THINGS.has(words[nextWord(words, i)]?.lower ?? '')) continue;
    const role = previousWord(words, i);
    if (role === -1 || !ROLE_NOUNS.has(words[role]!.lower) || isRuledOut(words, role)) continue;
    if (!JUDGEMENT_ADJECTIVES.has(words[previousWord(words, role)]?.lower ?? '')) return i;
  }
  return -1;
}
