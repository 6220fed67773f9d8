/**
 * `blame/vague-action`: action items that ask people to try harder: "be
 * more careful", "remind staff to…", "double-check configs". An action a
 * system performs passes ("add a CI check that double-checks…", "remind
 * owners automatically").
 *
 * @example
 * checkVagueAction(sentence, people) // [{ ruleId: 'blame/vague-action', … }] for "Double-check configs in future."
 */
import { isNarrator, isPersonAt, nextPerson, personSubject, type People } from '../grammar/people.js';
import type { Span, Token } from '../grammar/tokens.js';
import { createPhraseIndex, matchPhrase, nextWord, previousWord } from '../grammar/windows.js';
import {
  DILIGENT_ACTS,
  NORM_NOUNS,
  SYSTEMIC_MARKERS,
  TRAINING_NOUNS,
  URGING_OPENERS,
  VAGUE_ACTION_PHRASES,
  VAGUE_IMPERATIVES,
  DILIGENCE_ADVERBS,
  SPLIT_IMPERATIVES,
  RETRAINING_PASSIVES,
  COMPELLING_WORDS,
  COMPELLED_RETRAINING,
} from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const VAGUE = createPhraseIndex(VAGUE_ACTION_PHRASES);

const URGING = createPhraseIndex(URGING_OPENERS);

/** "Make sure engineers read the runbook before deploying", "Ensure that staff follow the checklist": people urged to act, not a system changed. */
function urgedPeople(words: readonly Token[], people: People): Finding | null {
  const first = afterLabel(words);
  const hit = first === -1 ? null : matchPhrase(words, URGING, first, (at) => at === first);
  if (!hit) return null;
  let who = nextWord(words, hit[1]);
  if (words[who]?.lower === 'that') who = nextWord(words, who);
  if (['the', 'all', 'every', 'our'].includes(words[who]?.lower ?? '')) who = nextWord(words, who);
  if (who === -1 || !isPersonAt(words, who, people) || isNarrator(words[who])) return null;
  const act = nextWord(words, who);
  return act !== -1 && (DILIGENT_ACTS.has(words[act]!.lower) || vagueImperative(words, act)) && !words.some((w) => SYSTEMIC_MARKERS.has(w.lower))
    ? span('blame/vague-action', words[first]!, words[act]!)
    : null;
}

/** "Training for the support team on double-checking addresses", "Refresher for on-call staff": teaching people instead of changing the system. */
function trainingFor(words: readonly Token[], people: People): Finding | null {
  const first = nextWord(words, -1);
  if (first === -1 || !TRAINING_NOUNS.has(words[first]!.lower) || !['for', 'of', 'on'].includes(words[nextWord(words, first)]?.lower ?? '')) return null;
  const who = nextPerson(words, nextWord(words, first), people, 3);
  return who !== -1 && !isNarrator(words[who]) ? span('blame/vague-action', words[first]!, words[who]!) : null;
}

/** Politeness before an imperative: "Please ensure…", "Kindly remind…". */
const POLITE = new Set(['please', 'kindly', 'pls']);

/** The first word of the item, past a label such as "Action item:", "TODO:", "Lesson learned:", and past "please" / "kindly". */
function afterLabel(words: readonly Token[]): number {
  const first = nextWord(words, -1);
  const colon = words.findIndex((w) => w.text === ':');
  const start = colon === -1 || words.slice(0, colon).filter((w) => w.kind === 'word').length > 3 ? first : nextWord(words, colon);
  return start !== -1 && POLITE.has(words[start]!.lower) ? nextWord(words, start) : start;
}

/** "double-check", "remind", and "double check" written as two words. */
function vagueImperative(words: readonly Token[], i: number): boolean {
  const lower = words[i]?.lower ?? '';
  return VAGUE_IMPERATIVES.has(lower) || (SPLIT_IMPERATIVES.has(lower) && ['check', 'checks'].includes(words[nextWord(words, i)]?.lower ?? ''));
}

/** "read the runbook properly", "…next time" (ending the item): the act asks for more effort rather than a change. */
function tryHarder(words: readonly Token[], from: number): boolean {
  if (words.some((w) => SYSTEMIC_MARKERS.has(w.lower))) return false;
  const later = words.slice(from + 1);
  const nextTime = later.some((w, k) => w.lower === 'next' && later[k + 1]?.lower === 'time' && later[k + 2]?.kind !== 'word');
  // "properly" asks for effort only about a document for people ("read the config properly on reload" is a feature).
  return nextTime || (later.some((w) => DILIGENCE_ADVERBS.has(w.lower)) && later.slice(0, 5).some((w) => NORM_NOUNS.has(w.lower)));
}

/** `blame/vague-action`: "be more careful", "remind staff to…", "double-check configs". */
/** "The ops team will be retrained on the procedure", "staff are to be reminded": people as the subject of a passive of training ("the model will be retrained" is a system). */
function peopleRetrained(words: readonly Token[], people: People): Finding | null {
  const at = words.findIndex(
    (w, k) => RETRAINING_PASSIVES.has(w.lower) && ['be', 'been', 'get', 'are', 'is'].includes(words[previousWord(words, k)]?.lower ?? ''),
  );
  if (at === -1 || words.some((w) => SYSTEMIC_MARKERS.has(w.lower))) return null;
  const who = personSubject(words, at, people);
  return who !== -1 && !isNarrator(words[who]) ? span('blame/vague-action', words[who]!, words[at]!) : null;
}

/** Verbs that put people through training: "attendants will receive refresher training", "staff to attend a reminder session". */
// "Kwame to attend mandatory retraining as a consequence": training as a sanction is punitive's, not a vague action.
const SANCTIONS = createPhraseIndex([...COMPELLING_WORDS, ...[...COMPELLED_RETRAINING].map((word) => [word])]);
const UNDERGOES = new Set(['receive', 'get', 'attend', 'undergo', 'complete', 'take', 'redo', 'repeat']);

/** "Attendants will receive refresher training on reporting defects": a person as the subject, training within two words of the verb. */
function peopleTrained(words: readonly Token[], people: People): Finding | null {
  const at = words.findIndex(
    (w, k) => UNDERGOES.has(w.lower) && ['will', 'must', 'should', 'to', 'shall'].includes(words[previousWord(words, k)]?.lower ?? ''),
  );
  if (at === -1 || words.some((w) => SYSTEMIC_MARKERS.has(w.lower)) || matchPhrase(words, SANCTIONS)) return null;
  const noun = words.slice(at + 1).findIndex((w, k) => k < 6 && TRAINING_NOUNS.has(w.lower));
  if (noun === -1 || words.slice(at + 1, at + 1 + noun).filter((w) => w.kind === 'word').length > 2) return null;
  const who = personSubject(words, previousWord(words, at), people);
  return who !== -1 && !isNarrator(words[who]) ? span('blame/vague-action', words[who]!, words[at + 1 + noun]!) : null;
}

export function checkVagueAction(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/vague-action';
  const hit = matchPhrase(words, VAGUE);
  if (hit) return [span(rule, words[hit[0]]!, words[hit[1]]!)];
  const urged = urgedPeople(words, people) ?? trainingFor(words, people) ?? peopleRetrained(words, people) ?? peopleTrained(words, people);
  if (urged) return [urged];
  let first = afterLabel(words);
  // "Lesson learned: read the runbook properly next time": a diligent act asked of whoever reads it.
  if (first !== -1 && DILIGENT_ACTS.has(words[first]!.lower) && tryHarder(words, first)) return [span(rule, words[first]!, words[first]!)];
  // "Lab techs to double check the labels", "Kwame to remind the team": an action item of a person and an infinitive.
  const to = words.findIndex(
    (w, k) => w.lower === 'to' && k > first && isPersonAt(words, previousWord(words, k), people) && !isNarrator(words[previousWord(words, k)]),
  );
  if (to !== -1 && vagueImperative(words, nextWord(words, to))) first = nextWord(words, to);
  // "Everyone must double-check…": the imperative after a person and a modal.
  const modal = words.findIndex((w) => ['must', 'should', 'will', 'shall'].includes(w.lower));
  if (modal !== -1 && personSubject(words, modal, people) !== -1 && VAGUE_IMPERATIVES.has(words[nextWord(words, modal)]?.lower ?? ''))
    first = nextWord(words, modal);
  if (first === -1 || !vagueImperative(words, first)) return [];
  if (words.some((w) => SYSTEMIC_MARKERS.has(w.lower))) return [];
  const lower = words[first]!.lower;
  // "double-check", "retrain", "re-read the policy", "familiarise yourself": asking people to try harder needs no person object.
  // Re-reading is the people's only when what is read is a document for people ("Reread the config on SIGHUP" is a feature).
  const rereading = /^(re-?read|(re-)?familiari[sz]e|memori[sz]e)$/.test(lower) && words.slice(first + 1, first + 6).some((w) => NORM_NOUNS.has(w.lower));
  const selfDirected = lower.startsWith('double') || lower.includes('train') || rereading;
  if (selfDirected || nextPerson(words, first, people) !== -1) return [span(rule, words[first]!, words[first]!)];
  return [];
}
