/**
 * `blame/punitive`: punishment as an outcome: someone reprimanded, written
 * up, fired, let go, held accountable. The passive words need a person as
 * their subject, so "the timeline was written up by Dana" passes.
 *
 * @example
 * checkPunitive(sentence, people) // [{ ruleId: 'blame/punitive', … }] for "Jordan was written up"
 */
import { isNarrator, isNobodyAt, isPersonAt, nextPerson, personSubject, type People } from '../grammar/people.js';
import type { Span, Token } from '../grammar/tokens.js';
import { createPhraseIndex, findPhrase, matchPhrase, nextWord, previousWord } from '../grammar/windows.js';
import {
  FORFEITED_THINGS,
  FORFEITING_VERBS,
  HOLDING_WORDS,
  LETTING_GO,
  PUNITIVE_PASSIVE,
  PUNITIVE_PHRASES,
  PUNITIVE_VERBS,
  COMPELLED_RETRAINING,
  COMPELLING_WORDS,
  HUMAN_PUNISHMENTS,
  PUNITIVE_TRAINING,
  REMOVAL_TARGETS,
  REMOVAL_VERBS,
  OUSTING_VERBS,
  OUSTED_FROM,
} from '../vocabulary/generated.js';
import { span, type Finding } from './finding.js';

const PUNITIVE = createPhraseIndex(PUNITIVE_PHRASES);
const COMPELLING = createPhraseIndex(COMPELLING_WORDS);
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'got', 'get', 'gets']);

/** Words that deny a punishment just before it: "was not fired", "nobody was suspended", "no one will be disciplined". */
const DENIALS = new Set(['not', 'never', "wasn't", "weren't", "won't", "isn't", "aren't"]);

/** `blame/punitive`: someone reprimanded, written up, fired, let go, held accountable; not a punishment denied. */
export function checkPunitive(sentence: Span, people: People): Finding[] {
  const found = findPunishment(sentence, people);
  return found.length > 0 && denied(sentence.words, found[0]!.start) ? [] : found;
}

/** "Nobody was suspended, reprimanded or written up": a denial within four words before the punishment. */
function denied(words: readonly Token[], start: number): boolean {
  const at = words.findIndex((w) => w.start === start);
  for (let j = previousWord(words, at), n = 0; j !== -1 && n < 4; j = previousWord(words, j), n++) {
    if (DENIALS.has(words[j]!.lower) || isNobodyAt(words, j)) return true;
  }
  return false;
}

function findPunishment(sentence: Span, people: People): Finding[] {
  const words = sentence.words;
  const rule = 'blame/punitive';
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    if (PUNITIVE_PASSIVE.has(lower)) {
      const subject = personSubject(words, i, people) !== -1;
      const passive = BE.has(words[previousWord(words, i)]?.lower ?? '') && subject;
      // "The night controller will be disciplined": only a person is disciplined, whoever the subject names.
      const human = HUMAN_PUNISHMENTS.has(lower) && BE.has(words[previousWord(words, i)]?.lower ?? '');
      if (passive || human || (nextPerson(words, i, people) !== -1 && subject)) return [span(rule, words[i]!, words[i]!)];
      // "so who's getting fired for this one", "who gets sacked?": asking who is punished presumes someone will be.
      const asker = windowBefore(words, i, 4).find((k) => words[k]!.lower === 'who' || words[k]!.lower === "who's");
      if (asker !== undefined && (HUMAN_PUNISHMENTS.has(lower) || words.slice(asker, i).some((w) => GETTING.has(w.lower))))
        return [span(rule, words[asker]!, words[i]!)];
    }
    // "decided to discipline the engineer": punishing a person, in the active voice.
    if (PUNITIVE_VERBS.has(lower) && nextPerson(words, i, people, 3) !== -1) return [span(rule, words[i]!, words[nextPerson(words, i, people, 3)]!)];
    const removed = REMOVAL_VERBS.has(lower) ? removedFromDuty(words, i, people) : -1;
    const removal = removed === -1 && OUSTING_VERBS.has(lower) ? ousted(words, i, people) : removed;
    if (removal !== -1) return [span(rule, words[i]!, words[removal]!)];
    // "let the contractor go": a person between "let" and "go".
    const who = LETTING_GO.has(lower) ? nextPerson(words, i, people, 3) : -1;
    if (who !== -1 && words[nextWord(words, who)]?.lower === 'go') return [span(rule, words[i]!, words[nextWord(words, who)]!)];
    // "Leila lost her on-call privileges": a person's standing taken away.
    const forfeited = FORFEITING_VERBS.has(lower) ? forfeit(words, i, people) : -1;
    if (forfeited !== -1) return [span(rule, words[i]!, words[forfeited]!)];
    // "Kwame to attend mandatory retraining as a consequence of this incident": training as a sanction on a person.
    if (PUNITIVE_TRAINING.has(lower) && imposedTraining(words, i) && words.some((w, k) => k < i && isPersonAt(words, k, people) && !isNarrator(w)))
      return [span(rule, words[i]!, words[i]!)];
    if (HOLDING_WORDS.has(lower) && heldAccountable(words, i, people)) {
      return [span(rule, words[i]!, words[heldWord(words, i)]!)];
    }
  }
  const hit = matchPhrase(words, PUNITIVE, 0, (at, end) => {
    const first = words[at]!.lower;
    if (first === 'off') return personSubject(words, at, people) !== -1;
    if ((first === 'written' && words[nextWord(words, at)]?.lower === 'up') || first === 'let' || first === 'removed') {
      return BE.has(words[previousWord(words, at)]?.lower ?? '') && personSubject(words, at, people) !== -1;
    }
    if (first === 'consequences') return nextPerson(words, at + 1, people) !== -1;
    // "Kim got a final warning", "issue a written warning to the driver".
    if (words[end]!.lower === 'warning') return personSubject(words, at, people) !== -1 || nextPerson(words, end, people, 4) !== -1;
    return true;
  });
  return hit ? [span(rule, words[hit[0]]!, words[hit[1]]!)] : [];
}

const GETTING = new Set(["who's", 'getting', 'get', 'gets', 'got', 'be', 'being', 'gonna']);

const REDOING = new Set(['redo', 'redoes', 'retake', 'retakes', 'repeat', 'repeats', 'resit', 'resits']);

/** The indexes of up to `n` words before `i`. */
function windowBefore(words: readonly Token[], i: number, n: number): number[] {
  const found: number[] = [];
  for (let j = previousWord(words, i); j !== -1 && found.length < n; j = previousWord(words, j)) found.push(j);
  return found;
}

/** "training as a consequence of this incident", "mandatory retraining": training imposed as a sanction. */
function imposedTraining(words: readonly Token[], i: number): boolean {
  if (matchPhrase(words, COMPELLING, i)) return true;
  // "As a consequence Chidi must redo the sorter training": the sanction first, then training done over again.
  const redone = /^re-?train/.test(words[i]!.lower) || windowBefore(words, i, 3).some((k) => REDOING.has(words[k]!.lower));
  if (redone && matchPhrase(words, COMPELLING, 0, (at) => at < i)) return true;
  return /^re-?train/.test(words[i]!.lower) && COMPELLED_RETRAINING.has(words[previousWord(words, i)]?.lower ?? '');
}

/** "lost her on-call privileges", "lost his clearance": the index of what was forfeited, or -1. */
function forfeit(words: readonly Token[], lost: number, people: People): number {
  const owner = nextWord(words, lost);
  const subject = personSubject(words, lost, people);
  if (!['her', 'his', 'their'].includes(words[owner]?.lower ?? '') || subject === -1 || isNarrator(words[subject])) return -1;
  for (let j = nextWord(words, owner), n = 0; j !== -1 && n < 3; j = nextWord(words, j), n++) if (FORFEITED_THINGS.has(words[j]!.lower)) return j;
  return -1;
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them']);
const CARE_LINKS = new Set(['so', 'to', 'until', 'while', 'because', 'since', 'for']);

/** "Her manager wants her off the DNS team", "kicked Kim off the project": the index of the group, or -1. */
function ousted(words: readonly Token[], verb: number, people: People): number {
  const who = nextWord(words, verb);
  if (who === -1 || !(OBJECT_PRONOUNS.has(words[who]!.lower) || (isPersonAt(words, who, people) && !isNarrator(words[who])))) return -1;
  const off = nextWord(words, who);
  if (!['off', 'out'].includes(words[off]?.lower ?? '')) return -1;
  // A wish is punishment only when someone else wants a person off a team, with no reason of care or planning after it
  // ("we want her off the team so she can lead the new one").
  const wish = words[verb]!.lower.startsWith('want');
  const subject = personSubject(words, verb, people);
  if (wish && (subject === -1 || isNarrator(words[subject]) || words.some((w, k) => k > off && CARE_LINKS.has(w.lower)))) return -1;
  let j = nextWord(words, off);
  if (words[j]?.lower === 'of') j = nextWord(words, j);
  for (let n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++)
    if (OUSTED_FROM.has(words[j]!.lower) || (!wish && REMOVAL_TARGETS.has(words[j]!.lower))) return j;
  return -1;
}

/** "Matteo was removed from the release rotation": the index of the duty, or -1. */
function removedFromDuty(words: readonly Token[], i: number, people: People): number {
  const link = nextWord(words, i);
  const subject = personSubject(words, i, people);
  // A passive with a person as its subject ("Matteo was removed from…"), not the authors narrating ("we see the user being removed").
  if (
    !['from', 'off'].includes(words[link]?.lower ?? '') ||
    subject === -1 ||
    isNarrator(words[subject]) ||
    !BE.has(words[previousWord(words, i)]?.lower ?? '')
  )
    return -1;
  for (let j = nextWord(words, link), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) if (REMOVAL_TARGETS.has(words[j]!.lower)) return j;
  // "was removed from the crew-control console pending review": whatever the post, a person taken off it pending a review is sanctioned.
  for (let j = nextWord(words, link), n = 0; j !== -1 && n < 8; j = nextWord(words, j), n++)
    if (words[j]!.lower === 'pending' && PENDING_SANCTIONS.has(words[nextWord(words, j)]?.lower ?? '')) return j;
  return -1;
}

const PENDING_SANCTIONS = new Set(['review', 'investigation', 'an', 'a', 'the', 'disciplinary', 'hr', 'inquiry', 'enquiry', 'outcome']);

/** "held accountable", "be held responsible": the index of the word a person is held to, or -1. */
function heldWord(words: readonly Token[], i: number): number {
  const accountable = findPhrase(words, ['accountable'], i);
  if (accountable !== -1) return accountable;
  const responsible = findPhrase(words, ['responsible'], i);
  // "responsible" only right after "held" ("held Kim responsible", "held responsible"), not "hold the lock, responsible for…".
  return responsible !== -1 && responsible - i <= 6 && words.slice(i, responsible).every((w) => w.kind === 'word') ? responsible : -1;
}

function heldAccountable(words: readonly Token[], i: number, people: People): boolean {
  const held = heldWord(words, i);
  return held !== -1 && held - i <= 8 && (nextPerson(words, i, people) !== -1 || personSubject(words, i, people) !== -1);
}
