/**
 * `blame/counterfactual`, a grammatical rule: what a person should have done
 * or failed to do. Only a person as subject counts, so "the probe failed to
 * connect" and "a canary stage could have limited the impact" pass while
 * "Priya failed to notice" and "the reviewer ought to have caught it" do not.
 *
 * @example
 * checkCounterfactual(clauses, sentence, people) // [{ ruleId: 'blame/counterfactual', start, end }]
 */
import { whoOmitted } from './who-omitted.js';
import { span, type Finding } from './finding.js';
import { ADJECTIVE_POSITION } from './damage.js';
import { isNarrator, isNobodyAt, isPersonAt, nextPerson, personSubject, type People } from '../grammar/people.js';
import { createPhraseIndex, findPhrase, matchPhrase, nextWord, previousWord } from '../grammar/windows.js';
import { type Span, type Token } from '../grammar/tokens.js';
import {
  PROCEEDING_VERBS,
  QUESTION_OPENERS,
  ATTENDED_THINGS,
  ATTENTION_VERBS,
  FAILURE_NOUNS,
  INACTION_PHRASES,
  REQUIRED_THINGS,
  HARMLESS_NEGATIONS,
  BEEN_JUDGED,
  BOTHER_FORMS,
  CAUSE_GIVEN,
  CHANCE_WORDS,
  CONDITIONALS,
  COORDINATORS,
  DILIGENCE_NOUNS,
  DILIGENCE_VERBS,
  IGNORING_VERBS,
  NEGATED_AUXILIARIES,
  INDEFINITE_DETERMINERS,
  INDEFINITE_PEOPLE,
  IRREGULAR_PARTICIPLES,
  MODAL_CONTRACTIONS,
  POSSIBILITY_MODALS,
  MODAL_NEGATIONS,
  MODALS,
  NEGATIONS,
  NEGATIVE_SUBJECTS,
  NOBODY_DID,
  OBLIGATION_WORDS,
  OMISSION_VERBS,
  OWED_KNOWLEDGE,
  PERCEPTION_VERBS,
  SKIP_VERBS,
  UNATTENDED_STATES,
} from '../vocabulary/generated.js';

const INACTION = createPhraseIndex(INACTION_PHRASES);
/** What a person did with a signal before "went back to sleep": they had it. */
const HEEDED = new Set(['saw', 'noticed', 'acknowledged', 'acked', 'knew', 'read', 'received', 'got', 'heard', 'silenced', 'snoozed', 'muted', 'dismissed']);
const AVOIDED = new Set(['avoidable', 'preventable', 'avoided', 'prevented', 'averted', 'caught', 'different', 'fine']);
// "would have had two weeks to renew", "could have gained a day": what the people would have been given, not what they owed.
const NEEDS = new Set(['used', 'benefited', 'benefitted', 'appreciated', 'liked', 'wanted', 'welcomed', 'had', 'gained', 'received']);
const MODAL_ADVERBS = new Set(['just', 'simply', 'easily', 'even', 'also', 'really', 'certainly', 'definitely', 'surely']);

/** `blame/counterfactual`: what a person should have done, or failed to do. */
export function checkCounterfactual(clauses: readonly Span[], sentence: Span, people: People): Finding[] {
  const rule = 'blame/counterfactual';
  const conditional = conditionalPerson(sentence.words, people) ?? whoOmitted(sentence.words, people);
  if (conditional) return [conditional];
  let subject = false;
  // "Jonas missed the standup because he was handling the incident": a stated cause explains a skip.
  const explained = sentence.words.some((w) => CAUSE_GIVEN.has(w.lower));
  for (const clause of clauses) {
    const words = clause.words;
    // "Sam rotated the key but never updated the secret store": the coordinated clause shares the first one's subject.
    const shared = subject && COORDINATORS.has(words[0]?.lower ?? '') && !startsWithSubject(words);
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.kind !== 'word') continue;
      // "Joao drained the node and then never put it back": a negated act coordinated with the clause's person subject.
      const coordinated = !shared && isNegation(words, i) && afterCoordinator(words, i) && leadingSubject(words, people);
      const end = omissionAt(words, i, people, shared || coordinated, explained);
      if (end !== -1) return [span(rule, words[i]!, words[end]!)];
    }
    subject ||= leadingSubject(words, people);
  }
  // "Olu knew the disk was nearly full and did nothing".
  const idle = matchPhrase(sentence.words, INACTION);
  const idler = idle ? personSubject(sentence.words, idle[0], people) : -1;
  // "went back to sleep" is an omission after the person saw the signal ("saw the alarms and went back to sleep").
  const unheeded = idle !== null && (sentence.words[idle[0]]!.lower !== 'went' || sentence.words.slice(0, idle[0]).some((w) => HEEDED.has(w.lower)));
  if (idle && unheeded && idler !== -1 && !isNarrator(sentence.words[idler])) return [span(rule, sentence.words[idle[0]]!, sentence.words[idle[1]]!)];
  const elliptical = ellipticalRefusal(sentence.words, people) ?? omissionNoun(sentence.words, people);
  if (elliptical) return [elliptical];
  const bother = sentence.words.findIndex((w) => BOTHER_FORMS.has(w.lower));
  if (bother !== -1) return [span(rule, sentence.words[bother]!, sentence.words[bother]!)];
  const hidden = hiddenAgent(sentence.words, people) ?? reproachingQuestion(sentence.words, people);
  return hidden ? [hidden] : [];
}

const UNREACHED = new Set(['get', 'receive', 'hear', 'see', 'have', 'know']);
const WHY_NOT = new Set(["didn't", "hadn't", "hasn't", "haven't", "don't", "doesn't"]);

/**
 * "Why didn't Tane escalate…?", "Why did the on-call not page anyone?", "Why
 * did nobody think to pause the import?": a question that asks why a person
 * did not act reproaches them. "Why didn't the alert fire?" (no person) and
 * "why didn't we…" (the authors) pass.
 */
function reproachingQuestion(words: readonly Token[], people: People): Finding | null {
  const why = words.findIndex((w) => QUESTION_OPENERS.has(w.lower));
  if (why === -1) return null;
  let aux = nextWord(words, why);
  let negated = WHY_NOT.has(words[aux]?.lower ?? '');
  if (!negated && words[aux]?.lower !== 'did') return null;
  // The subject right after the auxiliary, past a determiner: "Tane", "the on-call", "nobody", "no one".
  let who = nextWord(words, aux);
  if (['the', 'our', 'their', 'that'].includes(words[who]?.lower ?? '')) who = nextWord(words, who);
  // "the night shift lead": a modifier or two before the person.
  for (let j = who, n = 0; j !== -1 && n < 3; j = nextWord(words, j), n++) {
    if (!isPersonAt(words, j, people)) continue;
    who = j;
    break;
  }
  const noOne = words[who]?.lower === 'no' && words[nextWord(words, who)]?.lower === 'one';
  if (noOne) who = nextWord(words, who);
  if (who === -1 || (!noOne && !isPersonAt(words, who, people)) || isNarrator(words[who])) return null;
  if (isNobodyAt(words, who)) negated = true;
  // "the shift lead", "the QA team lead": the compound's head is the subject.
  while (nextWord(words, who) !== -1 && isPersonAt(words, nextWord(words, who), people)) who = nextWord(words, who);
  // "Why did Tane not escalate": the negation after the subject.
  if (!negated && words[nextWord(words, who)]?.lower !== 'not') return null;
  aux = words[nextWord(words, who)]?.lower === 'not' ? nextWord(words, who) : aux;
  // "Why didn't the on-call get paged?", "…receive the alert?": what did not reach the person.
  if (UNREACHED.has(words[nextWord(words, Math.max(aux, who))]?.lower ?? '')) return null;
  return span('blame/counterfactual', words[why]!, words[Math.max(aux, who)]!);
}

/**
 * Passive voice that hides a person and judges them: "the alert was
 * ignored", "the runbook was not followed". Only for things people are meant
 * to attend to, only without a stated cause ("…because the pipeline…") and
 * without an agent that is not a person ("ignored by the parser").
 */
function hiddenAgent(words: readonly Token[], people: People): Finding | null {
  if (words.some((w) => CAUSE_GIVEN.has(w.lower))) return null;
  for (let i = 0; i < words.length; i++) {
    const state = unattended(words, i);
    if (state) return state;
    if (!IGNORING_VERBS.has(words[i]!.lower) && !ATTENTION_VERBS.has(words[i]!.lower)) continue;
    let be = previousWord(words, i);
    // "were routinely ignored": an adverb between the auxiliary and the verb.
    if (be !== -1 && /ly$/.test(words[be]!.lower)) be = previousWord(words, be);
    if (be !== -1 && (words[be]!.lower === 'not' || words[be]!.lower === 'never')) be = previousWord(words, be);
    // "The checklist wasn't followed": the negation contracted onto the auxiliary.
    const contracted = be !== -1 && NEGATED_AUXILIARIES.has(words[be]!.lower) && be === previousWord(words, i);
    if (be === -1 || (!contracted && !['was', 'were', 'been', 'got'].includes(words[be]!.lower))) continue;
    const negated = contracted || be !== previousWord(words, i);
    if (!negated && !IGNORING_VERBS.has(words[i]!.lower)) continue;
    const subject = subjectHead(words, be);
    const by = nextWord(words, i);
    const agent = by !== -1 && words[by]!.lower === 'by' ? (nextPerson(words, by, people, 3) === -1 ? 'thing' : 'person') : 'none';
    if (subject && ATTENDED_THINGS.has(subject.lower) && agent !== 'thing') return span('blame/counterfactual', words[be]!, words[i]!);
  }
  return null;
}

const NP_PREPOSITIONS = new Set(['for', 'of', 'on', 'from', 'about', 'in', 'to']);
const NP_DETERMINERS = new Set(['the', 'a', 'an', 'all', 'both', 'these', 'those']);

/**
 * The head noun of the subject before the auxiliary at `be`: "the alert" →
 * alert, and past a modifier "the capacity alert for the HLR cluster" →
 * alert, "the runbook for switching over the encoder" → runbook.
 */
function subjectHead(words: readonly Token[], be: number): Token | undefined {
  let head = words
    .slice(0, be)
    .reverse()
    .find((w) => w.kind === 'word' && !NP_DETERMINERS.has(w.lower));
  for (let j = previousWord(words, be), n = 0; j !== -1 && n < 10 && words[j]!.kind === 'word'; j = previousWord(words, j), n++) {
    const before = previousWord(words, j);
    if (NP_PREPOSITIONS.has(words[j]!.lower) && before !== -1 && words[before]!.kind === 'word') head = words[before];
  }
  return head;
}

/** Not "was": "showed that the migration was unreviewed" reports a state; "went unanswered" tells of people not answering. */
const STATE_VERBS = new Set(['went', 'goes', 'go', 'remained', 'remains', 'sat', 'sits', 'stayed', 'stays', 'lay', 'lies']);

/** "The capacity alert went unanswered for two hours", "the ticket sat unacknowledged". */
function unattended(words: readonly Token[], i: number): Finding | null {
  if (!UNATTENDED_STATES.has(words[i]!.lower)) return null;
  const verb = previousWord(words, i);
  if (verb === -1 || !STATE_VERBS.has(words[verb]!.lower)) return null;
  // "The escalation emails from the vendor went unread": the thing may stand a few words back.
  for (let j = previousWord(words, verb), n = 0; j !== -1 && n < 5; j = previousWord(words, j), n++)
    if (ATTENDED_THINGS.has(words[j]!.lower)) return span('blame/counterfactual', words[verb]!, words[i]!);
  return null;
}

const ELLIPSIS_ADVERBS = new Set(['just', 'simply', 'still', 'then', 'never', 'really']);
const PRONOUNS = new Set(['he', 'she', 'they']);

/** "Emeka was told twice to rotate the credentials and did not.": a person who was asked, then a bare negation ending the sentence. */
function ellipticalRefusal(words: readonly Token[], people: People): Finding | null {
  const last = previousWord(words, words.length);
  if (last === -1) return null;
  const didnt =
    words[last]!.lower === "didn't" ? last : words[last]!.lower === 'not' && words[previousWord(words, last)]?.lower === 'did' ? previousWord(words, last) : -1;
  if (didnt === -1) return wentAheadAnyway(words, last, people);
  // "…, and they didn't", "…but he just didn't": a pronoun and an adverb may stand between the coordinator and "didn't".
  let link = previousWord(words, didnt);
  if (ELLIPSIS_ADVERBS.has(words[link]?.lower ?? '')) link = previousWord(words, link);
  const pronoun = PRONOUNS.has(words[link]?.lower ?? '') ? link : -1;
  if (pronoun !== -1) link = previousWord(words, link);
  if (!COORDINATORS.has(words[link]?.lower ?? '')) return null;
  const subject = pronoun !== -1 ? pronoun : personSubject(words, didnt, people);
  return subject !== -1 && !isNarrator(words[subject]) ? span('blame/counterfactual', words[didnt]!, words[last]!) : null;
}

/** Words that close a defiance: "…and went ahead anyway". */
const REGARDLESS = new Set(['anyway', 'regardless', 'nonetheless', 'nevertheless', 'anyhow']);
const PROCEEDING = createPhraseIndex(PROCEEDING_VERBS);

/** "Mateo was told twice to wait for the sign-off and went ahead anyway": asked to hold off, then carried on. */
function wentAheadAnyway(words: readonly Token[], last: number, people: People): Finding | null {
  if (!REGARDLESS.has(words[last]!.lower)) return null;
  const told = words.findIndex((w) => TOLD.has(w.lower));
  const proceeded = told === -1 ? null : matchPhrase(words, PROCEEDING, told);
  if (!proceeded || !COORDINATORS.has(words[previousWord(words, proceeded[0])]?.lower ?? '')) return null;
  const subject = personSubject(words, told, people);
  return subject !== -1 && !isNarrator(words[subject]) ? span('blame/counterfactual', words[proceeded[0]]!, words[last]!) : null;
}

const TOLD = new Set(['told', 'asked', 'warned', 'instructed', 'reminded', 'advised', 'ordered']);

/** Words of being there after "had not been": "on shift", "there", "around", "available". */
const PRESENT = new Set(['on', 'there', 'here', 'around', 'available', 'present', 'in', 'awake', 'at']);

/** "If Marco had followed", "Had the engineer waited". */
function conditionalPerson(words: readonly Token[], people: People): Finding | null {
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    const first = previousWord(words, i) === -1;
    // "It was avoidable had the operator read the warning": an inverted "had" after a comma or a word of avoiding.
    const inverted = lower === 'had' && (first || words[i - 1]?.kind === 'punct' || AVOIDED.has(words[previousWord(words, i)]?.lower ?? ''));
    if (!CONDITIONALS.has(lower) || (lower === 'had' && !inverted)) continue;
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) {
      if (!isPersonAt(words, j, people)) continue;
      // "If we'd gone…": the contraction holds "had".
      const had = lower === 'had' || words[j]!.lower.endsWith("'d") ? j : findPhrase(words, ['had'], j);
      // "if you had a saved login": "had" as a verb of its own, not a past perfect; "Had the reviewer actually read":
      // an adverb may stand before the participle.
      let after = nextWord(words, had);
      if (MODAL_ADVERBS.has(words[after]?.lower ?? '') || /[a-z]ly$/.test(words[after]?.lower ?? '')) after = nextWord(words, after);
      const verb = words[after]?.lower ?? '';
      // "If Ingrid had not been on shift, nobody would have known…": a person's presence that helped, not an omission.
      if (verb === 'not' && words[nextWord(words, after)]?.lower === 'been' && PRESENT.has(words[nextWord(words, nextWord(words, after))]?.lower ?? ''))
        continue;
      if (had !== -1 && nearSubject(words, j, had) && (isParticiple(verb) || verb === 'not' || verb === 'never'))
        return span('blame/counterfactual', words[i]!, words[had]!);
    }
  }
  return null;
}

/** Is "had" at `had` the person's own auxiliary: right after it, or past a short place phrase ("somebody on the brew floor had")? */
function nearSubject(words: readonly Token[], who: number, had: number): boolean {
  if (had - who < 4) return true;
  const between = words.slice(who + 1, had).filter((w) => w.kind === 'word');
  return between.length <= 4 && PLACE_PREPOSITIONS.has(between[0]?.lower ?? '') && !words.slice(who + 1, had).some((w) => w.kind === 'punct');
}

const PLACE_PREPOSITIONS = new Set(['on', 'in', 'at', 'from']);

/** "caught", "tested", "known": a past participle, so "should have caught" is a modal perfect ("should have priority" is not). */
function isParticiple(word: string): boolean {
  return /[a-z](ed|en|wn)$/.test(word) || IRREGULAR_PARTICIPLES.has(word);
}

/** "and never", "and then didn't", "but did not": the negation at `i` follows a coordinator. */
function afterCoordinator(words: readonly Token[], i: number): boolean {
  let k = previousWord(words, i);
  if (words[i]!.lower === 'not') k = previousWord(words, k);
  if (words[k]?.lower === 'then') k = previousWord(words, k);
  return k !== -1 && COORDINATORS.has(words[k]!.lower) && k > nextWord(words, -1);
}

/** Does the clause open with a person who is not a narrator ("Sam rotated…")? */
function leadingSubject(words: readonly Token[], people: People): boolean {
  const first = nextWord(words, -1);
  return first !== -1 && isPersonAt(words, first, people) && !isNarrator(words[first]) && !words[first]!.lower.endsWith("'s");
}

/** "but the key…", "and we…": a coordinated clause with a subject of its own. */
function startsWithSubject(words: readonly Token[]): boolean {
  const second = words[nextWord(words, 0)]?.lower ?? '';
  return /^(the|a|an|this|that|it|its|we|they|he|she|i|you|our|their|his|her)$/.test(second);
}

/** End index of an omission or modal perfect at `i` whose subject is a person (or shared from a coordinated clause), or -1. */
function omissionAt(words: readonly Token[], i: number, people: People, shared = false, explained = false): number {
  const lower = words[i]!.lower;
  const next = nextWord(words, i);
  const nextLower = words[next]?.lower ?? '';
  const modalEnd = modalPerfectEnd(words, i);
  if (modalEnd !== -1) {
    // "could've just asked", "should have simply waited": an adverb may stand before the participle.
    let participle = nextWord(words, modalEnd);
    if (MODAL_ADVERBS.has(words[participle]?.lower ?? '')) participle = nextWord(words, participle);
    const after = words[participle]?.lower ?? '';
    if (after === 'been') return BEEN_JUDGED.has(words[nextWord(words, participle)]?.lower ?? '') ? modalEnd : -1;
    // "Bob should have known better": what someone was expected to know is a judgement whoever the subject is.
    if (after === 'known' && OWED_KNOWLEDGE.has(lower)) return modalEnd;
    const subject = personSubject(words, i, people);
    // "The team could have used clearer alerts": a need of the people, not a judgement of them.
    // "should of call": the spelling as heard takes a learner's bare verb.
    const asHeard = words[modalEnd]!.lower === 'of';
    if (subject === -1 || (!isParticiple(after) && !asHeard) || (POSSIBILITY_MODALS.has(lower) && NEEDS.has(after))) return -1;
    // "Nobody could have predicted the power cut": it was not possible, for anyone.
    if (POSSIBILITY_MODALS.has(lower) && NEGATIVE_SUBJECTS.has(words[subject]!.lower)) return -1;
    // "Mateo could not have seen the cue light", "she couldn't have known": not possible for that person either.
    const possibility = POSSIBILITY_MODALS.has(lower) || POSSIBILITY_MODALS.has(lower.replace(/n't$/, ''));
    // "If Ingrid had not been on shift, nobody would have known…": the subject right before the modal, not the earlier person.
    const left = previousWord(words, i);
    if (possibility && (NEGATIVE_SUBJECTS.has(words[left]?.lower ?? '') || isNobodyAt(words, left))) return -1;
    if (possibility && (lower.endsWith("n't") || words.slice(i + 1, modalEnd).some((w) => w.lower === 'not' || w.lower === 'never'))) return -1;
    // "we could have noticed it later": what was possible for the authors, not a judgement of them.
    if (isNarrator(words[subject]) && POSSIBILITY_MODALS.has(lower)) return -1;
    // "anyone could have seen", "any engineer would have spotted": hindsight, reported by its own rule.
    // The determiner may stand three modifiers before the noun: "any first-year vet student would have spotted".
    const any = wordsBefore(words, subject, 4).some((k) => INDEFINITE_DETERMINERS.has(words[k]!.lower));
    const anyone = (INDEFINITE_PEOPLE.has(words[subject]!.lower) || any) && PERCEPTION_VERBS.has(after);
    return anyone ? -1 : modalEnd;
  }
  let end = -1;
  // "The on-call forgot nothing": the omission is denied.
  if (nextLower === 'nothing') return -1;
  // "the declined card payments", "the skipped step": a participle used as an adjective is no act of a person.
  if (ADJECTIVE_POSITION.has(words[previousWord(words, i)]?.lower ?? '')) return -1;
  if (OMISSION_VERBS.has(lower) && (nextLower === 'to' || lower !== 'failed')) end = nextLower === 'to' ? next : i;
  // "missed the standup because he was handling the incident": the skip is explained.
  else if (SKIP_VERBS.has(lower) && !explained) end = i;
  else if (OBLIGATION_WORDS.has(lower) && nextLower === 'to') end = next;
  else if ((lower === 'had' || lower === 'have') && CHANCE_WORDS.has(nextLower)) end = next;
  else if (NOBODY_DID.has(lower) && negativeSubject(words, i, people) && !explained) end = i;
  else if (isNegation(words, i, people) && !negatedPassive(words, i)) end = negatedDiligence(words, i);
  // "…but did not drain the consumers": after a shared person subject, a negated act is an omission.
  if (end === -1 && shared && isNegation(words, i)) {
    const verb = nextWord(words, i);
    if (verb !== -1 && !HARMLESS_NEGATIONS.has(words[verb]!.lower) && !NEGATIONS.has(words[verb]!.lower)) end = verb;
  }
  if (end === -1) return -1;
  return shared || personSubject(words, i, people) !== -1 ? end : -1;
}

/** The indexes of up to `n` words before `i`, nearest first. */
function wordsBefore(words: readonly Token[], i: number, n: number): number[] {
  const found: number[] = [];
  for (let j = previousWord(words, i); j !== -1 && found.length < n; j = previousWord(words, j)) found.push(j);
  return found;
}

function negativeSubject(words: readonly Token[], i: number, people: People): boolean {
  const subject = personSubject(words, i, people);
  return subject !== -1 && NEGATIVE_SUBJECTS.has(words[subject]!.lower);
}

function isNegation(words: readonly Token[], i: number, people?: People): boolean {
  const lower = words[i]!.lower;
  if (NEGATIONS.has(lower) && lower !== 'not') return true;
  if (lower !== 'not') return false;
  const before = previousWord(words, i);
  // "Kim not checked the logs", "he was not follow the runbook": learners' English negates without "did".
  if (people && before !== -1 && isPersonAt(words, before, people)) return true;
  // "Thabo has not checking the logs": a learner's perfect.
  // "Rahul is not check the expiry date": a learner's present with a bare verb ("is not checking email" is a state).
  if (['is', 'are'].includes(words[before]?.lower ?? '') && /ing$/.test(words[nextWord(words, i)]?.lower ?? '')) return false;
  return ['did', 'does', 'do', 'had', 'was', 'were', 'has', 'have', 'is', 'are'].includes(words[before]?.lower ?? '');
}

/**
 * "The team was not informed because…": a passive, whose subject is who was
 * not told, not who failed to tell (the hidden agent is `hiddenAgent`'s).
 */
function negatedPassive(words: readonly Token[], not: number): boolean {
  if (words[not]!.lower !== 'not' || !['was', 'were', 'is', 'are'].includes(words[previousWord(words, not)]?.lower ?? '')) return false;
  return /[a-z](ed|en)$/.test(words[nextWord(words, not)]?.lower ?? '');
}

/** "didn't even look", "never read", "did not follow". */
function negatedDiligence(words: readonly Token[], i: number): number {
  for (let j = nextWord(words, i), n = 0; j !== -1 && n < 2; j = nextWord(words, j), n++) {
    const lower = words[j]!.lower;
    if (DILIGENCE_VERBS.has(lower) || DILIGENCE_VERBS.has(lower.replace(/(ed|s|ing)$/, '')) || DILIGENCE_VERBS.has(lower.replace(/d$/, ''))) return j;
  }
  // "didn't do the dry-run": "do" with a check as its object.
  const verb = nextWord(words, i);
  if (verb !== -1 && ['do', 'does'].includes(words[verb]!.lower))
    for (let j = nextWord(words, verb), n = 0; j !== -1 && n < 3; j = nextWord(words, j), n++) if (DILIGENCE_NOUNS.has(words[j]!.lower)) return j;
  // "did not carry out the required backup": any act whose object was required ("did not have the required access" is a fact).
  if (HARMLESS_NEGATIONS.has(words[nextWord(words, i)]?.lower ?? '')) return -1;
  for (let j = nextWord(words, i), n = 0; j !== -1 && n < 5; j = nextWord(words, j), n++) if (REQUIRED_THINGS.has(words[j]!.lower) && n > 0) return j;
  return -1;
}

/** "Kim's failure to renew the certificate", "the team's neglect of the alerts": a person's omission as a noun. */
function omissionNoun(words: readonly Token[], people: People): Finding | null {
  for (let i = 0; i < words.length; i++) {
    if (!FAILURE_NOUNS.has(words[i]!.lower)) continue;
    const owner = previousWord(words, i);
    const link = words[nextWord(words, i)]?.lower;
    if (
      owner !== -1 &&
      words[owner]!.lower.endsWith("'s") &&
      isPersonAt(words, owner, people) &&
      !isNarrator(words[owner]) &&
      (link === 'to' || link === 'of')
    ) {
      return span('blame/counterfactual', words[owner]!, words[nextWord(words, i)]!);
    }
  }
  return null;
}

/** "should have", "ought to have", "should've", "couldn't have": the end index, or -1. */
/** Words after "could of" that show "of" is the preposition: "could of course", "would of the…". */
const NOT_VERBS = new Set([
  'course',
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'them',
  'us',
  'our',
  'their',
  'his',
  'her',
  'its',
  'my',
  'your',
  'all',
  'any',
  'some',
]);

function modalPerfectEnd(words: readonly Token[], i: number): number {
  const lower = words[i]!.lower;
  if (MODAL_CONTRACTIONS.has(lower)) return i;
  const base = lower.replace(/n't$/, '');
  if (!MODALS.has(base) && !MODAL_NEGATIONS.has(lower)) return -1;
  let j = nextWord(words, i);
  for (let n = 0; j !== -1 && n < 2 && ['to', 'not'].includes(words[j]!.lower); n++) j = nextWord(words, j);
  // "should of checked": the spoken form of "should've", written as heard; "could has asked": a learner's agreement.
  const spelled = (form: string) => words[j]!.lower === form && isParticiple(words[nextWord(words, j)]?.lower ?? '');
  // "she should of call the harbour master": written as heard, with a learner's bare verb ("could of course" is not one).
  const bare = words[j]?.lower === 'of' && /^[a-z]+$/.test(words[nextWord(words, j)]?.lower ?? '') && !NOT_VERBS.has(words[nextWord(words, j)]!.lower);
  return j !== -1 && (words[j]!.lower === 'have' || spelled('of') || spelled('has') || bare) ? j : -1;
}
