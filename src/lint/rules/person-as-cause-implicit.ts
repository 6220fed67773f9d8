/**
 * `blame/person-as-cause`, the framings that blame a person without a
 * failure verb: going ahead after a refusal ("went ahead with the upgrade
 * even though the CAB had rejected it"), a duty idiom ("we dropped the
 * ball"), a steady state that lasted until a person acted ("Everything was
 * fine until Dmitri got his hands on…"), and irony ("Funny how the
 * validators broke the morning after Ingrid's tidy-up", "Nice of the
 * registrar team to let us find out…", "Another Friday, another Dmitri
 * deploy, another outage", "Leave it to X to break…", "Typical networking
 * team:"), acting "with the kill switch disabled". Each needs a person, and
 * a cue besides it.
 *
 * @example
 * implicitBlame(tokenize('We dropped the ball on the renewal.'), people) // { ruleId: 'blame/person-as-cause', … }
 */
import { isNarrator, isPersonAt, nextPerson, personSubject, type People } from '../grammar/people.js';
import type { Token } from '../grammar/tokens.js';
import { createPhraseIndex, matchPhrase, nextWord, previousWord } from '../grammar/windows.js';
import {
  AUTHORED_WORK,
  BAD_OUTCOMES,
  LOADED_MARKERS,
  DISABLED_SAFEGUARDS,
  DISABLED_STATES,
  FAILURE_IDIOMS,
  FOUND_OUT,
  INCIDENT_NOUNS,
  IRONIC_COURTESIES,
  IRONIC_LEAVES,
  LITANY_WORDS,
  MITIGATION_PURPOSES,
  PROCEEDING_VERBS,
  REFUSAL_LINKS,
  REFUSALS,
  REMEDY_VERBS,
  SAFEGUARD_NOUNS,
  SARCASTIC_OPENERS,
  SARCASTIC_OUTCOMES,
  STEADY_STATES,
  TYPECASTING_WORDS,
  WARNING_VERBS,
} from '../vocabulary/generated.js';
import { damageAt } from './damage.js';
import { span, type Finding } from './finding.js';

const rule = 'blame/person-as-cause';
const IDIOMS = createPhraseIndex(FAILURE_IDIOMS);
const PROCEEDING = createPhraseIndex(PROCEEDING_VERBS);
const LINKS = createPhraseIndex(REFUSAL_LINKS);
const OPENERS = createPhraseIndex(SARCASTIC_OPENERS);
const FOUND = createPhraseIndex(FOUND_OUT);
const LEAVES = createPhraseIndex(IRONIC_LEAVES);
const LOADED = createPhraseIndex(LOADED_MARKERS);
/** Words that state a cause, before "a change by…": "root cause: a config change by ops", "due to an edit by Kim". */
const CAUSE_STATEMENTS = new Set(['cause', 'caused', 'due']);

/** The first framing that blames a person by implication, or null. */
export function implicitBlame(words: readonly Token[], people: People): Finding | null {
  return (
    dutyIdiom(words, people) ??
    despiteRefusal(words, people) ??
    fineUntil(words, people) ??
    ironicOpener(words, people) ??
    ironicCourtesy(words, people) ??
    litany(words, people) ??
    typecast(words, people) ??
    safeguardOff(words, people) ??
    loadedWorkBy(words, people) ??
    warnedBefore(words, people)
  );
}

/** "We dropped the ball on the renewal", "the vendor dropped the ball": the authors count, since the idiom is self-blame. */
function dutyIdiom(words: readonly Token[], people: People): Finding | null {
  const hit = matchPhrase(words, IDIOMS);
  const subject = hit ? personSubject(words, hit[0], people) : -1;
  return subject === -1 ? null : span(rule, words[subject]!, words[hit![1]]!);
}

/** "Lucía went ahead with the core upgrade even though the CAB had rejected it": proceeding after a refusal. */
function despiteRefusal(words: readonly Token[], people: People): Finding | null {
  const go = matchPhrase(words, PROCEEDING);
  if (!go) return null;
  const subject = personSubject(words, go[0], people);
  if (subject === -1 || isNarrator(words[subject])) return null;
  const link = matchPhrase(words, LINKS, go[1] + 1);
  const refusal = link ? words.findIndex((w, k) => k > link[1] && REFUSALS.has(w.lower)) : -1;
  return refusal === -1 ? null : span(rule, words[subject]!, words[refusal]!);
}

/** "Everything was fine until Dmitri got his hands on the pipeline": the person's act is where the trouble starts. */
function fineUntil(words: readonly Token[], people: People): Finding | null {
  for (let i = 0; i < words.length; i++) {
    if (!STEADY_STATES.has(words[i]!.lower) || !['was', 'were', 'ran', 'looked', 'seemed'].includes(words[previousWord(words, i)]?.lower ?? '')) continue;
    const until = nextWord(words, i);
    if (words[until]?.lower !== 'until') continue;
    // The person is the subject right after "until" (behind a determiner at most), and acts: "until the on-call restarted it".
    let who = nextWord(words, until);
    if (['the', 'our', 'a'].includes(words[who]?.lower ?? '')) who = nextWord(words, who);
    const act = nextWord(words, who);
    if (who === -1 || !isPersonAt(words, who, people) || isNarrator(words[who]) || act === -1 || REMEDY_VERBS.has(words[act]!.lower)) continue;
    return span(rule, words[i]!, words[act]!);
  }
  return null;
}

/** "Funny how the validators only started rejecting cards the morning after Ingrid's tidy-up": irony that points at a person. */
function ironicOpener(words: readonly Token[], people: People): Finding | null {
  const first = nextWord(words, -1);
  const hit = first === -1 ? null : matchPhrase(words, OPENERS, first, (at) => at === first);
  if (!hit) return null;
  const who = words.findIndex((w, k) => k > hit[1] && isPersonAt(words, k, people) && !isNarrator(w));
  return who === -1 ? null : span(rule, words[hit[0]]!, words[who]!);
}

/**
 * "Nice of the registrar team to let us find out about the term dates from
 * the students", "Leave it to the platform team to break DNS on a bank
 * holiday": a courtesy or credit for a harm.
 */
function ironicCourtesy(words: readonly Token[], people: People): Finding | null {
  const first = nextWord(words, -1);
  const leave = first === -1 ? null : matchPhrase(words, LEAVES, first, (at) => at === first);
  const courtesy = first !== -1 && IRONIC_COURTESIES.has(words[first]!.lower) && words[nextWord(words, first)]?.lower === 'of';
  if (!leave && !courtesy) return null;
  const who = nextPerson(words, leave ? leave[1] : nextWord(words, first), people, 4);
  const to = who === -1 ? -1 : nextWord(words, who);
  if (to === -1 || words[to]!.lower !== 'to') return null;
  // What they did left others to find out, or harmed: credit for a fix ("Nice of Kim to stay late", "Leave it to Kim to find the fix") passes.
  const harm =
    matchPhrase(words, FOUND, to) ??
    words.some((w, k) => k > to && (damageAt(words, k) !== -1 || BAD_OUTCOMES.has(w.lower) || SARCASTIC_OUTCOMES.has(w.lower)));
  return harm ? span(rule, words[first]!, words[who]!) : null;
}

/** "Another Friday, another Dmitri deploy, another outage": repeats, one of them a person's act, one an incident. */
function litany(words: readonly Token[], people: People): Finding | null {
  const repeats = words.flatMap((w, k) => (LITANY_WORDS.has(w.lower) ? [k] : []));
  if (repeats.length < 2) return null;
  const who = repeats.map((k) => nextWord(words, k)).find((k) => k !== -1 && isPersonAt(words, k, people) && !isNarrator(words[k]));
  const incident = words.some((w) => INCIDENT_NOUNS.has(w.lower) || BAD_OUTCOMES.has(w.lower));
  return who !== undefined && incident ? span(rule, words[repeats[0]!]!, words[who]!) : null;
}

/** "Typical networking team: change first, ask questions later.", "Classic Dmitri.": a label that typecasts a person. */
function typecast(words: readonly Token[], people: People): Finding | null {
  const first = nextWord(words, -1);
  if (first === -1 || !TYPECASTING_WORDS.has(words[first]!.lower)) return null;
  const who = nextPerson(words, first, people, 2);
  // The label ends at punctuation: "Typical on-call load is three pages a week" describes a quantity.
  const after = who === -1 ? undefined : words[who + 1];
  return after !== undefined && after.kind === 'punct' && /^[:.!,]/.test(after.text) && !isNarrator(words[who]) ? span(rule, words[first]!, words[who]!) : null;
}

/**
 * "The payments team shipped the feature with the kill switch disabled": a
 * person acting with a safeguard off. Not the authors, and not for a stated
 * mitigation ("…with the limiter disabled to drain the backlog").
 */
function safeguardOff(words: readonly Token[], people: People): Finding | null {
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.lower !== 'with') continue;
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) {
      if (!DISABLED_SAFEGUARDS.has(words[j]!.lower) && !SAFEGUARD_NOUNS.has(words[j]!.lower)) continue;
      const state = nextWord(words, j);
      const off =
        DISABLED_STATES.has(words[state]?.lower ?? '') ||
        (['turned', 'switched'].includes(words[state]?.lower ?? '') && words[nextWord(words, state)]?.lower === 'off');
      if (!off) continue;
      const who = personSubject(words, i, people);
      const mitigated = words.some((w, k) => w.lower === 'to' && MITIGATION_PURPOSES.has(words[nextWord(words, k)]?.lower ?? ''));
      if (who !== -1 && !isNarrator(words[who]) && !words[who]!.lower.endsWith("'s") && !mitigated) return span(rule, words[who]!, words[state]!);
    }
  }
  return null;
}

/**
 * "Cause assessed as unauthorised change by the night-shift keeper", "root
 * cause: a config change by the platform team": a person's work, named after
 * "by", as the cause, either loaded ("unauthorised", "untested", …) or where
 * the sentence states a cause. A change by someone mentioned in passing
 * ("the rollback of the change by Kim restored service") states neither.
 */
function loadedWorkBy(words: readonly Token[], people: People): Finding | null {
  const cause = words.findIndex((w) => CAUSE_STATEMENTS.has(w.lower));
  for (let k = 0; k < words.length; k++) {
    if (!AUTHORED_WORK.has(words[k]!.lower)) continue;
    const by = nextWord(words, k);
    const who = by !== -1 && words[by]!.lower === 'by' ? nextPerson(words, by, people, 3) : -1;
    if (who === -1 || isNarrator(words[who])) continue;
    const loaded = matchPhrase(words, LOADED, Math.max(0, k - 4), (at, end) => end < k);
    const from = loaded ? loaded[0] : cause !== -1 && cause < k ? cause : -1;
    if (from !== -1) return span(rule, words[from]!, words[who]!);
  }
  return null;
}

/** "…by the same engineer who had been warned about the freeze twice": the person is framed as having ignored a warning. */
function warnedBefore(words: readonly Token[], people: People): Finding | null {
  for (let k = 0; k < words.length; k++) {
    // "who had been warned by the disk alert": alerted, which is detection, not a warning ignored.
    if (!WARNING_VERBS.has(words[k]!.lower) || words[nextWord(words, k)]?.lower === 'by') continue;
    let at = previousWord(words, k);
    if (words[at]?.lower !== 'been') continue;
    at = previousWord(words, at);
    if (words[at]?.lower === 'already') at = previousWord(words, at);
    if (words[at]?.lower !== 'had') continue;
    const who = previousWord(words, previousWord(words, at));
    if (words[previousWord(words, at)]?.lower === 'who' && who !== -1 && isPersonAt(words, who, people) && !isNarrator(words[who]))
      return span(rule, words[who]!, words[k]!);
  }
  return null;
}
