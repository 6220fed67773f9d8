/**
 * `blame/person-as-cause`, a grammatical rule: who is the subject, and is
 * its verb a failure. It fires only when a person is the agent, so "the
 * scheduler killed the pod" passes while "Kim took down the API" does not;
 * it also catches a person named as the source (passive "caused by", cleft
 * "it was Kim who", "the root cause is that Kim…") and loaded framing
 * ("merged an unreviewed migration", "once again").
 *
 * @example
 * checkPersonAsCause(clauses, sentence, people) // [{ ruleId: 'blame/person-as-cause', start, end }]
 */
import { span, type Finding } from './finding.js';
import { isPersonAt, nextPerson, personSubject, type People } from '../grammar/people.js';
import { isResponseAct } from '../grammar/response-acts.js';
import { createPhraseIndex, findPhrase, matchPhrase, nextWord, previousWord, type PhraseIndex } from '../grammar/windows.js';
import { type Span, type Token } from '../grammar/tokens.js';
import { DAMAGE_PARTICIPLES, DAMAGE_VERBS, LOADED_MARKERS, PLANNED_MARKERS, REMEDY_VERBS } from '../vocabulary/generated.js';

const DAMAGE_INDEX = new Map<string, readonly string[] | undefined>();
for (const entry of DAMAGE_VERBS) for (const verb of entry.verb) DAMAGE_INDEX.set(verb, entry.then);

const PASSIVE_CAUSE = new Set(['caused', 'triggered', 'made', 'introduced', 'broken', 'started', 'done']);
const ADJECTIVE_POSITION = new Set(['the', 'a', 'an', 'its', 'our', 'their', 'his', 'her', 'my', 'your']);
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'got', 'get', 'has', 'have', 'had', 'will']);
const INCIDENT_NOUNS = new Set(['outage', 'incident', 'failure', 'downtime', 'breach', 'loss', 'problem', 'issue', 'bug', 'regression', 'mess']);

/** Index just past a damage verb (with its particle) at `i`, or -1. */
function damageAt(words: readonly Token[], i: number): number {
  const lower = words[i]!.lower;
  if (!DAMAGE_INDEX.has(lower)) return -1;
  // "the leaked key", "a broken build": a participle used as an adjective.
  if (ADJECTIVE_POSITION.has(words[previousWord(words, i)]?.lower ?? '')) return -1;
  const then = DAMAGE_INDEX.get(lower);
  if (!then) return i;
  for (let j = nextWord(words, i), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) if (then.includes(words[j]!.lower)) return j;
  return -1;
}

const PLANNED = createPhraseIndex(PLANNED_MARKERS);
const LOADED = createPhraseIndex(LOADED_MARKERS);

function hasAny(words: readonly Token[], index: PhraseIndex, from = 0): number {
  return matchPhrase(words, index, from)?.[0] ?? -1;
}

/** `blame/person-as-cause`: a person is the subject of a failure, or named as its source. */
export function checkPersonAsCause(clauses: readonly Span[], sentence: Span, people: People): Finding[] {
  if (hasAny(sentence.words, PLANNED) !== -1) return [];
  const rule = 'blame/person-as-cause';
  for (const clause of clauses) {
    const words = clause.words;
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.kind !== 'word') continue;
      const end = damageAt(words, i);
      if (end !== -1) {
        const subject = personSubject(words, i, people, true);
        if (subject !== -1 && !isPassive(words, i) && !isResponseAct(words, i, end)) return [span(rule, words[subject]!, words[end]!)];
      }
      const by = passiveBy(words, i, people);
      if (by !== -1) return [span(rule, words[i]!, words[by]!)];
      const agent = passiveAgentThenDamage(words, i, people);
      if (agent) return [agent];
    }
    const loaded = loadedAction(words, people);
    if (loaded) return [loaded];
  }
  return namedAsSource(sentence.words, people) ?? consequence(sentence.words, people) ?? [];
}

function isPassive(words: readonly Token[], verb: number): boolean {
  const before = words[previousWord(words, verb)]?.lower;
  return before !== undefined && ['was', 'were', 'been', 'being', 'got'].includes(before);
}

/** "was caused by Tom", "mistakes were made by the release team". */
function passiveBy(words: readonly Token[], i: number, people: People): number {
  if (!PASSIVE_CAUSE.has(words[i]!.lower) || !isPassive(words, i)) return -1;
  const by = nextWord(words, i);
  if (by === -1 || words[by]!.lower !== 'by') return -1;
  for (let j = nextWord(words, by), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) {
    if (isPersonAt(words, j, people)) return words[nextWord(words, j)]?.lower.match(/^(error|mistake)s?$/) ? -1 : j;
  }
  return -1;
}

/**
 * "The deploy was pushed by Kim without review and broke checkout": a passive
 * agent, and the same subject's coordinated verb is a failure.
 */
function passiveAgentThenDamage(words: readonly Token[], i: number, people: People): Finding | null {
  if (words[i]!.lower !== 'by' || !isPassive(words, previousWord(words, i))) return null;
  const who = nextPerson(words, i, people);
  if (who === -1) return null;
  for (let j = nextWord(words, who); j !== -1; j = nextWord(words, j)) {
    if (words[j]!.lower !== 'and') continue;
    const verb = nextWord(words, j);
    // "and the errors stopped": a new subject, not the passive one.
    if (verb === -1 || ADJECTIVE_POSITION.has(words[verb]!.lower)) return null;
    if (isPersonAt(words, verb, people)) continue;
    const end = damageAt(words, verb);
    if ((end !== -1 && !isResponseAct(words, verb, end)) || OUTCOME_VERBS.has(words[verb]!.lower)) return span('blame/person-as-cause', words[who]!, words[end === -1 ? verb : end]!);
  }
  return null;
}

/** A person acts, and the clause loads the act: "merged an unreviewed migration", "pushed to main once again". */
function loadedAction(words: readonly Token[], people: People): Finding | null {
  const subject = leadingPerson(words, people);
  if (subject === -1) return null;
  const after = nextWord(words, subject);
  if (after === -1 || BE.has(words[after]!.lower) || REMEDY_VERBS.has(words[after]!.lower)) return null;
  if (words[after]!.lower === 'rolled' && words[nextWord(words, after)]?.lower === 'back') return null;
  const marker = hasAny(words, LOADED, after);
  return marker === -1 ? null : span('blame/person-as-cause', words[subject]!, words[marker]!);
}

/** A person within the first five words of a clause, not possessive. */
function leadingPerson(words: readonly Token[], people: People): number {
  for (let i = 0, n = 0; i < words.length && n < 5; i++) {
    if (words[i]!.kind !== 'word') continue;
    n++;
    if (isPersonAt(words, i, people)) return words[i]!.lower.endsWith("'s") ? -1 : i;
  }
  return -1;
}

/** "Thanks to Priya's fix", "Kim was responsible for the outage", "my fault". */
function namedAsSource(words: readonly Token[], people: People): Finding[] | null {
  const rule = 'blame/person-as-cause';
  const thanks = findPhrase(words, ['thanks', 'to']);
  if (thanks !== -1) {
    const who = nextWord(words, nextWord(words, thanks));
    if (who !== -1 && isPersonAt(words, who, people)) return [span(rule, words[thanks]!, words[who]!)];
  }
  const cleft = cleftPerson(words, people);
  if (cleft) return [cleft];
  const framed = causeFraming(words, people);
  if (framed) return [framed];
  const on = words.findIndex((w, k) => INCIDENT_NOUNS.has(w.lower) && ['is', 'was'].includes(words[nextWord(words, k)]?.lower ?? '') && words[nextWord(words, nextWord(words, k))]?.lower === 'on');
  const onWhom = on === -1 ? -1 : nextPerson(words, nextWord(words, nextWord(words, on)), people);
  if (onWhom !== -1) return [span(rule, words[on]!, words[onWhom]!)];
  const responsible = findPhrase(words, ['responsible', 'for']);
  if (responsible !== -1) {
    const subject = personSubject(words, responsible, people);
    const object = words.slice(responsible).some((w) => INCIDENT_NOUNS.has(w.lower));
    if (subject !== -1 && object) return [span(rule, words[subject]!, words[nextWord(words, responsible)]!)];
  }
  for (let i = 0; i < words.length; i++) {
    if (!['fault', 'blame', 'mistake', 'bad'].includes(words[i]!.lower)) continue;
    // "my mistake", "my bad" are self-blame; "Kim's mistake" too, but "a mistake" is left to human-error.
    if ((words[i]!.lower === 'mistake' || words[i]!.lower === 'bad') && !/^(my|our)$/.test(words[previousWord(words, i)]?.lower ?? '') && !words[previousWord(words, i)]?.lower.endsWith("'s")) continue;
    const before = previousWord(words, i);
    const blamed = before !== -1 && words[before]!.lower === 'to' ? personSubject(words, before, people, true) : -1;
    if (blamed !== -1) return [span(rule, words[blamed]!, words[i]!)];
    const lies = words[i]!.lower === 'blame' ? findPhrase(words, ['with'], i) : -1;
    const who = lies !== -1 && lies - i <= 6 ? nextPerson(words, lies, people) : -1;
    if (who !== -1) return [span(rule, words[i]!, words[who]!)];
    if (before !== -1 && (['my', 'our', 'his', 'her', 'their'].includes(words[before]!.lower) || (words[before]!.lower.endsWith("'s") && isPersonAt(words, before, people)))) {
      return [span(rule, words[before]!, words[i]!)];
    }
  }
  return null;
}

/** "It was Victor who disabled…": the sentence is built to point at a person. */
function cleftPerson(words: readonly Token[], people: People): Finding | null {
  for (const be of [['it', 'was'], ['it', 'is'], ["it's"]]) {
    const at = findPhrase(words, be);
    if (at === -1) continue;
    for (let j = nextWord(words, at + be.length - 1), n = 0; j !== -1 && n < 5; j = nextWord(words, j), n++) {
      if (words[j]!.lower === 'who' && n > 0 && isPersonAt(words, previousWord(words, j), people)) return span('blame/person-as-cause', words[at]!, words[j]!);
    }
  }
  return null;
}

const CAUSE_WORDS = new Set(['cause', 'started', 'began', 'happened', 'occurred', 'triggered', 'result', 'traces', 'traced', 'stems', 'stemmed']);
const TRACE_WORDS = new Set(['traces', 'traced', 'stems', 'stemmed']);
const CAUSE_LINKS = new Set(['that', 'when', 'because', 'after', 'once', 'of', 'to', 'from']);

/** "The root cause is that Lucia ran…", "The outage started when Chen restarted…". */
function causeFraming(words: readonly Token[], people: People): Finding | null {
  const cause = words.findIndex((w) => CAUSE_WORDS.has(w.lower));
  if (cause === -1) return null;
  for (let i = cause + 1; i < words.length; i++) {
    if (!CAUSE_LINKS.has(words[i]!.lower)) continue;
    if (['to', 'from'].includes(words[i]!.lower) && !TRACE_WORDS.has(words[cause]!.lower)) continue;
    const who = nextWord(words, i);
    const verb = nextWord(words, who);
    if (who === -1 || verb === -1 || !isPersonAt(words, who, people)) continue;
    // "traces back to Carla's edit": a possessive names the person's act as the cause.
    if (words[who]!.lower.endsWith("'s") && !['to', 'from', 'of'].includes(words[i]!.lower)) continue;
    if (BE.has(words[verb]!.lower) || /^(error|mistake)s?$/.test(words[verb]!.lower)) continue;
    return span('blame/person-as-cause', words[cause]!, words[verb]!);
  }
  return null;
}

/**
 * A damaging consequence hung on a person's act: ", filling the disks",
 * "…, which caused a thundering herd", "a route change that blackholed traffic".
 */
function consequence(words: readonly Token[], people: People): Finding[] | null {
  const subject = leadingPerson(words, people);
  if (subject === -1) return null;
  const act = nextWord(words, subject);
  if (act !== -1 && (REMEDY_VERBS.has(words[act]!.lower) || isFailover(words, act))) return null;
  for (let i = subject + 1; i < words.length; i++) {
    const next = nextWord(words, i);
    if (next === -1) break;
    const participle = words[i]!.text === ',' && DAMAGE_PARTICIPLES.has(words[next]!.lower);
    const relative = (words[i]!.lower === 'which' || words[i]!.lower === 'that') && damageAt(words, next) !== -1;
    if (participle || relative || outcomeClause(words, i, next)) return [span('blame/person-as-cause', words[subject]!, words[next]!)];
  }
  return null;
}

/** ", so the app broke", "and we lost 2,000 events": a later clause whose verb is a bad outcome. */
function outcomeClause(words: readonly Token[], i: number, next: number): boolean {
  if (words[i]!.lower !== 'so' && words[i]!.lower !== 'and') return false;
  for (let j = next, n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) if (OUTCOME_VERBS.has(words[j]!.lower) && !isFailover(words, j)) return true;
  return false;
}

/** "failed over" is the mitigation, not a failure. */
function isFailover(words: readonly Token[], i: number): boolean {
  return words[i]!.lower === 'failed' && words[nextWord(words, i)]?.lower === 'over';
}

const OUTCOME_VERBS = new Set(['broke', 'crashed', 'lost', 'failed', 'collapsed', 'died']);
