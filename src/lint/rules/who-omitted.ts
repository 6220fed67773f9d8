/**
 * `blame/counterfactual` asked as "who": "Who forgot to re-enable the
 * check?", "Which one of you skipped the checklist?", "Who ignored the
 * alarm?". The question puts an omission on one of the people it addresses
 * as surely as "Kim forgot to…" does, but its subject is the question word,
 * which the omission rules do not read as a person. A question about an act
 * ("Who restarted the broker?") or about a system ("Which job skipped the
 * backup?") passes. ("Why didn't the lead stop the line?" is
 * `reproachingQuestion` in counterfactual.ts.)
 *
 * @example
 * whoOmitted(tokenize('Who forgot to renew the certificate?').words, people) // a finding over "Who forgot"
 */
import { isPersonAt, type People } from '../grammar/people.js';
import type { Token } from '../grammar/tokens.js';
import { createPhraseIndex, matchPhrase, nextWord } from '../grammar/windows.js';
import { ACCUSING_OATHS, IGNORING_VERBS, IRREGULAR_PASTS, OMISSION_VERBS, SHRUGGING_VERBS, SKIP_VERBS } from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

/** A finding over "Who forgot", "Which one of you skipped", or null. */
export function whoOmitted(words: readonly Token[], people: People): Finding | null {
  if (words[words.length - 1]?.text !== '?') return null;
  const opener = nextWord(words, -1);
  if (opener === -1 || (words[opener]!.lower !== 'who' && words[opener]!.lower !== 'which')) return null;
  let at = nextWord(words, opener);
  if (words[opener]!.lower === 'which') {
    // "which one of you", "which of them", "which engineer": the question must be about people.
    for (let n = 0; at !== -1 && n < 3 && !isPersonAt(words, at, people); n++) at = nextWord(words, at);
    if (at === -1 || !isPersonAt(words, at, people)) return null;
    at = nextWord(words, at);
  }
  if (at === -1) return null;
  const lower = words[at]!.lower;
  return OMISSION_VERBS.has(lower) || SKIP_VERBS.has(lower) || IGNORING_VERBS.has(lower) ? span('blame/counterfactual', words[opener]!, words[at]!) : null;
}

const OATHS = createPhraseIndex(ACCUSING_OATHS);

/**
 * `blame/person-as-cause` asked as "who", with an expletive: "Who the hell
 * told the field crew to reclose?", "who on earth merged this". The oath is
 * what makes it an accusation; "Who restarted the broker?" stays a question.
 * The act is the past tense after the oath ("who on earth would want that"
 * is rhetoric about a wish).
 */
export function accusingWho(words: readonly Token[]): Finding | null {
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.lower !== 'who') continue;
    const oath = matchPhrase(words, OATHS, nextWord(words, i));
    const act = oath && oath[0] === nextWord(words, i) ? nextWord(words, oath[1]) : -1;
    const lower = words[act]?.lower ?? '';
    if ((IRREGULAR_PASTS.has(lower) || /^[a-z]{2,}ed$/.test(lower)) && !SHRUGGING_VERBS.has(lower))
      return span('blame/person-as-cause', words[i]!, words[act]!);
  }
  return null;
}
