/**
 * `blame/counterfactual` asked as a question: "Why did nobody think to turn
 * off resale?", "Why didn't the shift lead stop the line?", "Who forgot to
 * re-enable the check?", "Which one of you skipped the checklist?". The
 * question puts an omission on a person as surely as the statement would,
 * but its word order (auxiliary before the subject, a bare verb after it)
 * hides it from the omission rules, which read statements.
 *
 * Left alone: a question about a system ("Why did the alert not fire?"), one
 * about an act rather than an omission ("Why did Kim restart the broker?"),
 * and the team asking itself ("Why didn't we catch this in staging?"), the
 * usual opening of a five-whys line.
 *
 * @example
 * blameQuestion(tokenize('Who forgot to renew the certificate?').words, people) // a finding over "Who forgot"
 */
import { isNarrator, isPersonAt, type People } from '../grammar/people.js';
import type { Token } from '../grammar/tokens.js';
import { nextWord } from '../grammar/windows.js';
import { DILIGENCE_VERBS, IGNORING_VERBS, OMISSION_VERBS, QUESTION_OPENERS, SKIP_VERBS } from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const rule = 'blame/counterfactual';
const WHY_AUXILIARIES = new Set([
  'did',
  "didn't",
  'does',
  "doesn't",
  'do',
  "don't",
  "wasn't",
  "weren't",
  "hadn't",
  "couldn't",
  "wouldn't",
  "hasn't",
  "haven't",
]);
const NEGATIVE_SUBJECTS = new Set(['nobody', 'noone', 'no-one', 'none']);
/** Acts a person is faulted for not doing, beyond the diligence verbs: "Why didn't the lead stop the line?". */
const HALTING = new Set(['stop', 'catch', 'see', 'spot', 'flag', 'raise', 'report', 'page', 'call', 'halt', 'pause', 'cancel']);

/** A finding over the question's blaming part, or null. */
export function blameQuestion(words: readonly Token[], people: People): Finding | null {
  if (words[words.length - 1]?.text !== '?') return null;
  const first = nextWord(words, -1);
  if (first === -1) return null;
  const opener = words[first]!.lower;
  if (QUESTION_OPENERS.has(opener)) return whyNot(words, first, people);
  if (opener === 'who' || opener === 'which') return whoOmitted(words, first, people);
  return null;
}

/** "Why did nobody think to…", "Why didn't the shift lead stop…", "Why did the on-call not check…". */
function whyNot(words: readonly Token[], why: number, people: People): Finding | null {
  const aux = nextWord(words, why);
  if (aux === -1 || !WHY_AUXILIARIES.has(words[aux]!.lower)) return null;
  let negated = words[aux]!.lower.endsWith("n't");
  // The subject: a person within four words ("the night-shift lead"), or "no one" / "nobody".
  let subject = -1;
  for (let j = nextWord(words, aux), n = 0; j !== -1 && n < 4 && subject === -1; j = nextWord(words, j), n++) {
    const lower = words[j]!.lower;
    if (NEGATIVE_SUBJECTS.has(lower) || (lower === 'one' && words[j - 1]?.lower === 'no')) {
      negated = true;
      subject = j;
    } else if (isPersonAt(words, j, people)) subject = j;
  }
  if (subject === -1 || isNarrator(words[subject])) return null;
  // The compound's head: "the shift lead", "the QA team lead".
  while (nextWord(words, subject) !== -1 && isPersonAt(words, nextWord(words, subject), people)) subject = nextWord(words, subject);
  let verb = nextWord(words, subject);
  if (words[verb]?.lower === 'not' || words[verb]?.lower === 'never') {
    negated = true;
    verb = nextWord(words, verb);
  }
  if (!negated || verb === -1) return null;
  const lower = words[verb]!.lower;
  return DILIGENCE_VERBS.has(lower) || HALTING.has(lower) ? span(rule, words[why]!, words[verb]!) : null;
}

/** "Who forgot to…", "Which one of you skipped…", "Who ignored the alarm?". */
function whoOmitted(words: readonly Token[], opener: number, people: People): Finding | null {
  let at = nextWord(words, opener);
  if (words[opener]!.lower === 'which') {
    // "which one of you", "which of them", "which engineer": the question must be about people.
    for (let n = 0; at !== -1 && n < 3 && !isPersonAt(words, at, people); n++) at = nextWord(words, at);
    if (at === -1 || !isPersonAt(words, at, people)) return null;
    at = nextWord(words, at);
  }
  if (at === -1) return null;
  const lower = words[at]!.lower;
  const omitted = OMISSION_VERBS.has(lower) || SKIP_VERBS.has(lower) || IGNORING_VERBS.has(lower);
  return omitted ? span(rule, words[opener]!, words[at]!) : null;
}
