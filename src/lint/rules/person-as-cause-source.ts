/**
 * `blame/person-as-cause`, the framings that name a person as the source of
 * an outcome rather than as the subject of a failure verb: "thanks to
 * Priya's fix", "it was Victor who…", "the root cause is that Lucia ran…",
 * "Root cause: Bruno.", "the outage came down to Raj", "Omar is the reason
 * checkout was down", "the outage is squarely on the networking team",
 * "my fault"; and a person acting against a norm ("violated the change-freeze
 * policy").
 *
 * @example
 * namedAsSource(tokenize('Root cause: Bruno.'), createPeople(['bruno'])) // [{ ruleId: 'blame/person-as-cause', … }]
 */
import { isNarrator, isNobodyAt, isPersonAt, nextPerson, personSubject, type People } from '../grammar/people.js';
import type { Token } from '../grammar/tokens.js';
import { recoveryFollows } from '../grammar/response-acts.js';
import { createPhraseIndex, findPhrase, matchPhrase, nextWord, previousWord } from '../grammar/windows.js';
import {
  ATTRIBUTION_PHRASES,
  AUTHORED_WORK,
  BAD_OUTCOMES,
  BARE_CAUSES,
  ERROR_NOUNS,
  FAULT_PHRASES,
  MAKING_VERBS,
  BLAME_NOUNS,
  CAUSE_WORDS,
  CLEFT_RELATIVES,
  CREDIT_PHRASES,
  INCIDENT_AS_ONE,
  DEGREE_ADVERBS,
  DISABLING_VERBS,
  INCIDENT_NOUNS,
  NARRATOR_FAILURES,
  PROBLEM_ORIGINS,
  LOADED_MARKERS,
  RISKY_TIMES,
  REASON_WORDS,
  NORM_FRAMES,
  NORM_NOUNS,
  OWNERSHIP_VERBS,
  POINTER_CONTRACTIONS,
  REFRAINING_VERBS,
  RELIEVED_OUTCOMES,
  NORM_VIOLATION_PHRASES,
  NORM_VIOLATIONS,
  OUTCOME_VERBS,
  REMEDY_GERUNDS,
  RELIEVING_RESULTS,
  FIX_NOUNS,
  REMEDY_VERBS,
  RESPONSIBILITY_PHRASES,
  SAFEGUARD_NOUNS,
  SARCASTIC_OUTCOMES,
  INSINUATIONS,
  IRONIC_MINIMISERS,
  SOURCE_VERBS,
  SARCASTIC_PRAISE,
  SKIPPING_VERBS,
  TRACE_WORDS,
} from '../vocabulary/generated.js';
import { damageAt, participleAt } from './damage.js';
import { span, type Finding } from './finding.js';
import { JUDGEMENT_ADJECTIVES } from './judgement.js';

const CREDIT = createPhraseIndex(CREDIT_PHRASES);
const RESPONSIBILITY = createPhraseIndex(RESPONSIBILITY_PHRASES);
const ATTRIBUTION = createPhraseIndex(ATTRIBUTION_PHRASES);
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'got', 'get', 'has', 'have', 'had', 'will']);
const rule = 'blame/person-as-cause';
const DENIED = new Set(['no', 'not', 'never', 'nobody', "isn't", "wasn't"]);
/** Negations of "is to blame": "was not to blame", "weren't to blame". */
const NEGATIONS = new Set(['not', 'never', "isn't", "wasn't", "weren't", "aren't", 'hardly']);

/** "Thanks to Priya's fix", "Kim was responsible for the outage", "my fault". */
export function namedAsSource(words: readonly Token[], people: People): Finding[] | null {
  const thanks = matchPhrase(words, CREDIT);
  // "Thanks to Mireille for catching the regression": gratitude for a response, not sarcasm.
  // "Thanks to Priya's quick rollback, the impact was limited": the outcome was a relief.
  if (thanks && !words.some((w) => REMEDY_GERUNDS.has(w.lower) || REMEDY_VERBS.has(w.lower) || RELIEVED_OUTCOMES.has(w.lower))) {
    // "thanks to Priya's fix", "thanks to the SREs": the person, after a determiner if one comes first.
    const first = nextWord(words, thanks[1]);
    const who = ['the', 'our', 'their'].includes(words[first]?.lower ?? '') ? nextWord(words, first) : first;
    // "Thanks to Chloe, we got to spend Saturday…", "thanks to Priya's fix"; but "thanks to everyone who joined the bridge" is gratitude, unless damage follows.
    const damage = words.some(
      (w, i) => i !== thanks[0] && (damageAt(words, i) !== -1 || OUTCOME_VERBS.has(w.lower) || w.lower === 'down' || w.lower === 'offline'),
    );
    // Gratitude unless a harm follows: "Thanks to Ingrid's script, we reissued the passes in under an hour" credits the script.
    // "Courtesy of Bruno, …" is sarcastic by itself; "for catching the regression" after a name is thanks for a response.
    const forResponse = ['who', 'that', 'for', 'and'].includes(words[nextWord(words, who)]?.lower ?? '');
    const gratitude = !damage && !scareQuotedChange(words, who) && (forResponse || (words[thanks[0]]!.lower === 'thanks' && !harmAround(words, who)));
    if (who !== -1 && isPersonAt(words, who, people) && !gratitude) return [span(rule, words[thanks[0]]!, words[who]!)];
  }
  const cleft = cleftPerson(words, people) ?? insinuation(words, people);
  if (cleft) return [cleft];
  const framed = causeFraming(words, people);
  if (framed) return [framed];
  const onWhom =
    outcomeOnPerson(words, people) ??
    labelledCause(words, people) ??
    attributed(words, people) ??
    reasonFor(words, people) ??
    atFault(words, people) ??
    problemFrom(words, people) ??
    incidentOnPerson(words, people) ??
    madeError(words, people);
  if (onWhom) return [onWhom];
  const responsible = matchPhrase(words, RESPONSIBILITY);
  if (responsible) {
    const subject = personSubject(words, responsible[0], people);
    // "responsible for the outage", "responsible for the lost shipments" (not "for the shipment tracker").
    const object = words.slice(responsible[0]).some((w) => INCIDENT_NOUNS.has(w.lower) || BAD_OUTCOMES.has(w.lower));
    if (subject !== -1 && object) return [span(rule, words[subject]!, words[responsible[1]]!)];
  }
  for (let i = 0; i < words.length; i++) {
    if (!BLAME_NOUNS.has(words[i]!.lower)) continue;
    // "my mistake", "my bad" are self-blame; "Kim's mistake" too, but "a mistake" is left to human-error.
    if (
      (words[i]!.lower === 'mistake' || words[i]!.lower === 'bad') &&
      !/^(my|our)$/.test(words[previousWord(words, i)]?.lower ?? '') &&
      !words[previousWord(words, i)]?.lower.endsWith("'s")
    )
      continue;
    // "Kim's typo fix", "Kim's typo correction": the fix of a slip, not the slip.
    if (/^(fix|fixes|correction|corrections|patch)$/.test(words[nextWord(words, i)]?.lower ?? '')) continue;
    // "the outage was Ayesha's doing." ends the clause; "Kim's doing the rollback" is "Kim is doing".
    if (words[i]!.lower === 'doing' && words[i + 1] !== undefined && words[i + 1]!.kind === 'word') continue;
    const before = previousWord(words, i);
    // "Kim is to blame"; "Nobody was to blame" clears everyone.
    const blamed = before !== -1 && words[before]!.lower === 'to' ? personSubject(words, before, people, true) : -1;
    if (blamed !== -1 && ['nobody', 'no', 'none'].includes(words[blamed]!.lower)) continue;
    // "The trainee was not to blame" clears the trainee.
    if (blamed !== -1 && NEGATIONS.has(words[previousWord(words, before)]?.lower ?? '')) continue;
    if (blamed !== -1) return [span(rule, words[blamed]!, words[i]!)];
    // "entirely the fault of the networking team"; "through no fault of their own" clears them.
    const of = words[i]!.lower === 'fault' && words[nextWord(words, i)]?.lower === 'of' ? nextPerson(words, nextWord(words, i), people, 3) : -1;
    const denied = [previousWord(words, i), previousWord(words, previousWord(words, i))].some((k) => DENIED.has(words[k]?.lower ?? ''));
    if (of !== -1 && !denied && !isNarrator(words[of])) return [span(rule, words[i]!, words[of]!)];
    const lies = words[i]!.lower === 'blame' ? findPhrase(words, ['with'], i) : -1;
    const who = lies !== -1 && lies - i <= 6 ? nextPerson(words, lies, people) : -1;
    if (who !== -1) return [span(rule, words[i]!, words[who]!)];
    if (
      before !== -1 &&
      (['my', 'our', 'his', 'her', 'their'].includes(words[before]!.lower) || (words[before]!.lower.endsWith("'s") && isPersonAt(words, before, people)))
    ) {
      return [span(rule, words[before]!, words[i]!)];
    }
  }
  return null;
}

const TIME_UNITS = new Set(['minutes', 'hours', 'days', 'weeks', 'hour', 'day', 'night', 'weekend', 'morning', 'afternoon', 'evening', 'shift']);
const FORCED = new Set(['got', 'had', 'have', 'get']);

/**
 * Around "thanks to Chloe", what makes the thanks sarcastic: a bad outcome
 * ("checkout was down", "was lost"), how long it lasted ("stayed closed for
 * three hours", "all weekend"), a repeat ("charged twice"), or what it forced
 * on others ("we got to spend Saturday…").
 */
function harmAround(words: readonly Token[], who: number): boolean {
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    if (i === who) continue;
    if (BAD_OUTCOMES.has(lower) || SARCASTIC_OUTCOMES.has(lower) || lower === 'twice') return true;
    // "for three hours", "all weekend", "the whole night".
    const before = [previousWord(words, i), previousWord(words, previousWord(words, i))].map((k) => words[k]?.lower ?? '');
    if (TIME_UNITS.has(lower) && (before[1] === 'for' || before.some((b) => ['all', 'whole', 'entire'].includes(b)))) return true;
    if (FORCED.has(lower) && words[nextWord(words, i)]?.lower === 'to') return true;
  }
  return false;
}

/** "Thanks to Kim's 'quick tweak'": a person's change in scare quotes that make it small, which is sarcasm, not thanks. */
function scareQuotedChange(words: readonly Token[], who: number): boolean {
  if (who === -1 || !words[who]!.lower.endsWith("'s")) return false;
  const quoted = words.slice(who + 1, who + 3).find((w) => w.kind === 'opaque' && /^['\u2018"\u201C]/.test(w.text));
  const inside = quoted?.text.toLowerCase().split(/[^\p{L}]+/u) ?? [];
  // "Thanks to Kim's 'quick fix' script, the backlog cleared": a fix, or a recovery after it, is real thanks.
  if (inside.some((w) => FIX_NOUNS.has(w) || REMEDY_VERBS.has(w)) || recoveryFollows(words) || words.some((w) => RELIEVING_RESULTS.has(w.lower))) return false;
  return inside.some((w) => IRONIC_MINIMISERS.has(w));
}

const INSINUATING = createPhraseIndex(INSINUATIONS);

/** "The only one with access that night was Kim; draw your own conclusions": the reader is left to blame the person named. */
function insinuation(words: readonly Token[], people: People): Finding | null {
  const hit = matchPhrase(words, INSINUATING);
  if (!hit) return null;
  const who = words.findIndex((w, i) => i < hit[0] && isPersonAt(words, i, people) && !isNarrator(w) && !['nobody', 'no'].includes(w.lower));
  return who === -1 ? null : span(rule, words[who]!, words[hit[1]]!);
}

/** What a cleft credits rather than blames: "it was the engineers who restored service". */
const CREDITED_ACTS = new Set([
  'restored',
  'fixed',
  'repaired',
  'recovered',
  'resolved',
  'mitigated',
  'saved',
  'rescued',
  'noticed',
  'spotted',
  'caught',
  'found',
  'identified',
  'detected',
  'diagnosed',
  'flagged',
  'reported',
  'escalated',
]);

const ACT_ADVERBS = new Set(['first', 'also', 'then', 'finally', 'eventually', 'actually', 'initially', 'later', 'again']);

/** "who first noticed", "who quickly restored": the act after the relative, past an adverb, is a response the sentence credits. */
function creditedAct(words: readonly Token[], act: number): boolean {
  let at = act;
  for (let n = 0; at !== -1 && n < 2 && (ACT_ADVERBS.has(words[at]!.lower) || /ly$/.test(words[at]!.lower)); n++) at = nextWord(words, at);
  const lower = words[at]?.lower ?? '';
  return CREDITED_ACTS.has(lower);
}

/** "turned off the backups", "deleted…", "skipped…": an act that harms or goes past a safeguard ("knows the billing system" does not). */
function harmfulAct(words: readonly Token[], act: number): boolean {
  const lower = words[act]!.lower;
  return damageAt(words, act) !== -1 || DISABLING_VERBS.has(lower) || SKIPPING_VERBS.has(lower) || NORM_VIOLATIONS.has(lower) || wrongObject(words, act);
}

/** Verbs that find or put right a wrong thing: "spotted the wrong label" is the response. */
const SETTING_RIGHT = new Set([
  'found',
  'spotted',
  'noticed',
  'identified',
  'caught',
  'flagged',
  'reported',
  'fixed',
  'replaced',
  'removed',
  'corrected',
  'reverted',
  'pulled',
]);

/** "loaded the wrong ice packs", "shipped the incorrect build": an act on the wrong thing (within two words). */
function wrongObject(words: readonly Token[], act: number): boolean {
  if (SETTING_RIGHT.has(words[act]!.lower)) return false;
  for (let j = nextWord(words, act), n = 0; j !== -1 && n < 2; j = nextWord(words, j), n++)
    if (words[j]!.lower === 'wrong' || words[j]!.lower === 'incorrect') return true;
  return false;
}

const CAUSATIVES = new Set(['made', 'make', 'makes', 'caused', 'got']);
const FAILING_BASES = new Set(['stop', 'fail', 'crash', 'break', 'hang', 'freeze', 'die', 'go', 'drop', 'reject', 'lose', 'halt', 'reboot', 'restart']);

/** "who made the fleet tracker (to) stop", "who caused the job to fail": a person's act that makes a thing fail. */
function causedFailure(words: readonly Token[], act: number): boolean {
  if (!CAUSATIVES.has(words[act]!.lower)) return false;
  for (let j = nextWord(words, act), n = 0; j !== -1 && n < 6; j = nextWord(words, j), n++) {
    if (words.slice(act + 1, j).some((w) => w.kind === 'punct')) return false;
    const lower = words[j]!.lower;
    const next = words[nextWord(words, j)]?.lower ?? '';
    // "made the dashboard stop paging" silences noise; "made the tracker stop working" is a failure.
    if (lower === 'stop' && /ing$/.test(next))
      return ['working', 'responding', 'running', 'serving', 'processing', 'accepting', 'syncing', 'updating'].includes(next);
    if (FAILING_BASES.has(lower)) return lower !== 'go' || ['down', 'offline', 'dark'].includes(next);
  }
  return false;
}

/** "…that did it", "…that did this": the pro-verb of the cleft stands for the harm the sentence points at. */
function didIt(words: readonly Token[], act: number): boolean {
  // "…Kwame's script that did it: the backlog cleared" credits a fix.
  const fixed = words.some((w) => REMEDY_VERBS.has(w.lower) || RELIEVING_RESULTS.has(w.lower)) || recoveryFollows(words);
  return !fixed && words[act]!.lower === 'did' && ['it', 'this', 'that'].includes(words[nextWord(words, act)]?.lower ?? '');
}

const PLACE_PREPOSITIONS = new Set(['at', 'on', 'in', 'from', 'of', 'with']);

/**
 * The person a cleft's relative at `relative` points at: the word before it
 * ("the night crew who…"), or the head before a short place phrase ("the night
 * crew at the depot who…"); -1 when neither is a person.
 */
function cleftHead(words: readonly Token[], relative: number, people: People): number {
  const before = previousWord(words, relative);
  if (before !== -1 && isPersonAt(words, before, people)) return before;
  for (let k = before, n = 0; k !== -1 && n < 4; k = previousWord(words, k), n++) {
    if (!PLACE_PREPOSITIONS.has(words[k]!.lower)) continue;
    const head = previousWord(words, k);
    return head !== -1 && isPersonAt(words, head, people) ? head : -1;
  }
  return -1;
}

/** "It was Victor who disabled…", "Olek is the one who turned off…": the sentence is built to point at a person. */
function cleftPerson(words: readonly Token[], people: People): Finding | null {
  const one = findPhrase(words, ['the', 'one', 'who']);
  if (one !== -1) {
    const be = previousWord(words, one);
    // "Tane's the one who…": the name carries "is".
    // "I'm the one who brought the bracket down": self-blame, when the act is one the authors own as a failure.
    const selfBlame = ["i'm", "we're"].includes(words[be]?.lower ?? '');
    const contracted = (words[be]?.lower.endsWith("'s") === true && isPersonAt(words, be, people)) || selfBlame;
    const who = contracted ? be : previousWord(words, be);
    const act = nextWord(words, one + 2);
    const narrator = selfBlame || isNarrator(words[who]);
    if (
      (contracted || ['is', 'was', "'s", 'am'].includes(words[be]?.lower ?? '')) &&
      who !== -1 &&
      (selfBlame || isPersonAt(words, who, people)) &&
      (!narrator || NARRATOR_FAILURES.has(words[act]?.lower ?? '')) &&
      act !== -1 &&
      (harmfulAct(words, act) || causedFailure(words, act))
    )
      return span('blame/person-as-cause', words[who]!, words[one + 2]!);
  }
  for (const be of [['it', 'was'], ['it', 'is'], ["it's"]]) {
    const at = findPhrase(words, be);
    if (at === -1) continue;
    for (let j = nextWord(words, at + be.length - 1), n = 0; j !== -1 && n < 8; j = nextWord(words, j), n++) {
      // "it was Victor who…", "it was the genomics team that removed…", "it was the night crew at the depot who…".
      // "It was three in the morning when the on-call who…": a new clause ends the cleft's noun phrase.
      if (['when', 'while', 'because', 'after', 'before', 'and', 'but', 'so', 'as'].includes(words[j]!.lower) || words[j]!.text === ',') break;
      // "It was the engineers who restored service" credits the response.
      const credit = creditedAct(words, nextWord(words, j));
      const relative = !credit && (CLEFT_RELATIVES.has(words[j]!.lower) || (words[j]!.lower === 'that' && !BE.has(words[nextWord(words, j)]?.lower ?? '')));
      const head = cleftHead(words, j, people);
      if (relative && n > 0 && head !== -1 && !isNarrator(words[head])) return span('blame/person-as-cause', words[at]!, words[j]!);
      // "It was the night-shift brewers who switched off the alarm": "who" makes any noun before it people, so an
      // unlisted trade counts when the act is harm ("it was the brewers who spotted it" credits them).
      if (words[j]!.lower === 'who' && n > 1 && !credit && words[nextWord(words, j)] && harmfulAct(words, nextWord(words, j)))
        return span('blame/person-as-cause', words[at]!, words[j]!);
      // "It was Gustav's script that corrupted the seat map": a person's work, then a damage verb.
      const owner = previousWord(words, previousWord(words, j));
      const act = nextWord(words, j);
      if (
        words[j]!.lower === 'that' &&
        owner !== -1 &&
        words[owner]!.lower.endsWith("'s") &&
        isPersonAt(words, owner, people) &&
        act !== -1 &&
        (damageAt(words, act) !== -1 || didIt(words, act))
      ) {
        return span('blame/person-as-cause', words[at]!, words[act]!);
      }
    }
  }
  return null;
}

const CAUSE_LINKS = new Set(['that', 'when', 'because', 'after', 'once', 'of', 'to', 'from', 'with']);
/** Words that open a noun phrase before a person's act: "the result of one individual's failure". */
const OPENERS = new Set(['the', 'a', 'an', 'one', 'single', 'our', 'their', 'that', 'this']);
/** Cause words that take "with" before the person: "the mess started with Osman editing…". */
const BEGINNINGS = new Set(['started', 'began', 'starts', 'begins']);

/** "The root cause is that Lucia ran…", "The outage started when Chen restarted…". */
function causeFraming(words: readonly Token[], people: People): Finding | null {
  const cause = words.findIndex((w) => CAUSE_WORDS.has(w.lower));
  if (cause === -1) return null;
  // "The fast recovery was the result of Kim's quick thinking": what the person caused is a relief, so they are credited.
  if (words.slice(0, cause).some((w) => GOOD_RESULTS.has(w.lower))) return null;
  // The link follows the cause word closely ("the root cause is that…"); a heading "Root cause:" far before is not a frame.
  for (let i = cause + 1, n = 0; i < words.length && n < 6; i++) {
    if (words[i]!.kind === 'word') n++;
    if (!CAUSE_LINKS.has(words[i]!.lower)) continue;
    if (['to', 'from'].includes(words[i]!.lower) && !TRACE_WORDS.has(words[cause]!.lower)) continue;
    if (words[i]!.lower === 'with' && !BEGINNINGS.has(words[cause]!.lower)) continue;
    let who = nextWord(words, i);
    // "the result of one individual's failure", "of a single contractor's edit": a determiner before a person's act.
    for (let n = 0; n < 2 && OPENERS.has(words[who]?.lower ?? '') && isPersonAt(words, nextWord(words, who), people); n++) who = nextWord(words, who);
    // "traces back to one careless click by Yuki": the act, then its person after "by".
    const by = who !== -1 && !isPersonAt(words, who, people) && TRACE_WORDS.has(words[cause]!.lower) ? findPhrase(words, ['by'], who) : -1;
    if (by !== -1 && by - who < 12 && nextPerson(words, by, people, 3) !== -1)
      return span('blame/person-as-cause', words[cause]!, words[nextPerson(words, by, people, 3)]!);
    const verb = nextWord(words, who);
    if (who === -1 || verb === -1 || !isPersonAt(words, who, people) || isNarrator(words[who])) continue;
    // "traces back to Carla's edit": a possessive names the person's act as the cause.
    if (words[who]!.lower.endsWith("'s") && !['to', 'from', 'of', 'with'].includes(words[i]!.lower)) continue;
    if (BE.has(words[verb]!.lower) || /^(error|mistake)s?$/.test(words[verb]!.lower)) continue;
    // "it started with the on-call noticing the lag": the response, not the cause.
    if (REMEDY_GERUNDS.has(words[verb]!.lower) || REMEDY_VERBS.has(words[verb]!.lower)) continue;
    return span('blame/person-as-cause', words[cause]!, words[verb]!);
  }
  return null;
}

/** "The problem is coming from Youssef", "the issue came from the night shift": the person index, or -1. */
function comesFrom(words: readonly Token[], noun: number, people: People): number {
  // "The first report of the problem came from support": the report came, not the problem.
  const before = words[previousWord(words, noun)]?.lower ?? '';
  if (
    ['of', 'about', 'for', 'on'].includes(before) ||
    ['of', 'about', 'for', 'on'].includes(words[previousWord(words, previousWord(words, noun))]?.lower ?? '')
  )
    return -1;
  let verb = nextWord(words, noun);
  if (['is', 'was'].includes(words[verb]?.lower ?? '')) verb = nextWord(words, verb);
  if (verb === -1 || !SOURCE_VERBS.has(words[verb]!.lower) || words[nextWord(words, verb)]?.lower !== 'from') return -1;
  const who = nextPerson(words, nextWord(words, verb), people, 3);
  // "the issue came from the on-call's dashboard": the person's thing, not the person.
  return who === -1 || isNarrator(words[who]) || words[who]!.lower.endsWith("'s") ? -1 : who;
}

/** "The outage is on the platform team", "…is squarely on Kim", "this one is on the database team", "that's on ops". */
function outcomeOnPerson(words: readonly Token[], people: People): Finding | null {
  for (let k = 0; k < words.length; k++) {
    const lower = words[k]!.lower;
    const pointer = lower === 'one' && ['this', 'that'].includes(words[previousWord(words, k)]?.lower ?? '');
    const contracted = POINTER_CONTRACTIONS.has(lower);
    if (!INCIDENT_NOUNS.has(lower) && !pointer && !contracted) continue;
    // "This outage belongs to the platform team".
    const belongs = INCIDENT_NOUNS.has(lower) && OWNERSHIP_VERBS.has(words[nextWord(words, k)]?.lower ?? '') ? nextWord(words, k) : -1;
    const owner = belongs !== -1 && words[nextWord(words, belongs)]?.lower === 'to' ? nextPerson(words, nextWord(words, belongs), people) : -1;
    if (owner !== -1 && !isNarrator(words[owner])) return span(rule, words[k]!, words[owner]!);
    const source = INCIDENT_NOUNS.has(lower) ? comesFrom(words, k, people) : -1;
    if (source !== -1) return span(rule, words[k]!, words[source]!);
    const be = contracted ? k : nextWord(words, k);
    if (!contracted && !['is', 'was', "'s"].includes(words[be]?.lower ?? '')) continue;
    let on = nextWord(words, be);
    if (DEGREE_ADVERBS.has(words[on]?.lower ?? '')) on = nextWord(words, on);
    const who = on !== -1 && words[on]!.lower === 'on' ? nextPerson(words, on, people) : -1;
    // "it is on the team to decide" is a duty ahead, not an outcome handed to someone; "on the team's agenda" is a place.
    if (who !== -1 && words[nextWord(words, who)]?.lower !== 'to' && !isNarrator(words[who]) && !words[who]!.lower.endsWith("'s"))
      return span(rule, words[k]!, words[who]!);
  }
  return null;
}

/** "Root cause: Bruno.", "Cause of the missed payroll run: Dmitri.": a person right after a cause label. */
function labelledCause(words: readonly Token[], people: People): Finding | null {
  for (let k = 0; k < words.length - 1; k++) {
    if (words[k]!.lower !== 'cause') continue;
    let colon = k + 1;
    for (let n = 0; colon < words.length && words[colon]!.text !== ':' && n < 8; colon++) if (words[colon]!.kind === 'word') n++;
    if (words[colon]?.text !== ':') continue;
    // "Root cause: the DBA.": one determiner may open the noun phrase.
    let who = nextWord(words, colon);
    if (['the', 'a', 'an', 'our', 'their'].includes(words[who]?.lower ?? '')) who = nextWord(words, who);
    // "Root cause: the release manager.", "the ticket ops lead": up to two modifiers before the role.
    // The head is the last person noun of the phrase ("ops lead": "ops" is a person noun too).
    for (let n = 0; n < 2 && who !== -1; n++) {
      const head = nextWord(words, who);
      if (head === -1 || !isPersonAt(words, head, people) || (n === 1 && !isPersonAt(words, who, people))) break;
      // "the ops team's runbook": a thing the team owns, left to the other checks.
      if (isPersonAt(words, who, people) && words[head]!.lower.endsWith("'s")) break;
      who = head;
    }
    if (who === -1 || !isPersonAt(words, who, people) || isNarrator(words[who])) continue;
    // "Root cause: Engineers determined that…" is a sentence after the label, not a person given as the cause;
    // "Cause: Amara (manual DNS edit)" glosses the person in brackets or after a dash.
    const after = nextWord(words, who);
    const glossed = ['(', '—', '–', ';'].includes(words[who + 1]?.text ?? '') || ['(', '—', '–'].includes(words[who + 2]?.text ?? '');
    if (after === -1 || glossed || words[who]!.lower.endsWith("'s") || words[after]!.lower === 'and') return span(rule, words[k]!, words[who]!);
  }
  return null;
}

/** Nouns after an error noun that make it a thing of the system: "made an error message clearer". */
const ERROR_THINGS = new Set(['message', 'messages', 'code', 'codes', 'rate', 'rates', 'log', 'logs', 'handling', 'budget', 'page', 'pages', 'path', 'paths']);

/** "Kim made a mistake in the config", "the admin made an error": a person as the author of an error (not the authors: "we made a mistake" is an apology). */
function madeError(words: readonly Token[], people: People): Finding | null {
  for (let i = 0; i < words.length; i++) {
    // "to stop making mistakes", "did not make an error": an error that was not made.
    const before = words[previousWord(words, i)]?.lower ?? '';
    if (!MAKING_VERBS.has(words[i]!.lower) || REFRAINING_VERBS.has(before) || ['to', 'not', 'never', "didn't"].includes(before)) continue;
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 3; j = nextWord(words, j), n++) {
      if (!ERROR_NOUNS.has(words[j]!.lower) || ERROR_THINGS.has(words[nextWord(words, j)]?.lower ?? '')) continue;
      const who = personSubject(words, i, people);
      if (who !== -1 && !isNarrator(words[who]) && !['nobody', 'no'].includes(words[who]!.lower)) return span(rule, words[who]!, words[j]!);
    }
  }
  return null;
}

const FAULT = createPhraseIndex(FAULT_PHRASES);
const DENIALS = new Set(['nobody', 'no', 'not', 'none', "isn't", "wasn't", 'never', 'neither']);

/** "The person at fault here is the release captain", "Kim is to blame"; not "nobody was at fault". */
function atFault(words: readonly Token[], people: People): Finding | null {
  const hit = matchPhrase(words, FAULT);
  if (!hit || words.some((w) => DENIALS.has(w.lower))) return null;
  // The person stands just before ("the person at fault", "Kim is to blame") or after a form of "be" ("at fault is the release captain").
  for (let j = previousWord(words, hit[0]), n = 0; j !== -1 && n < 3; j = previousWord(words, j), n++) {
    if (isPersonAt(words, j, people) && !isNarrator(words[j])) return span(rule, words[j]!, words[hit[1]]!);
  }
  const who = nextPerson(words, hit[1], people, 5);
  const be = words.slice(hit[1], who).some((w) => w.lower === 'is' || w.lower === 'was');
  return who !== -1 && be && !isNarrator(words[who]) ? span(rule, words[hit[0]]!, words[who]!) : null;
}

/**
 * "this one is on Jonas", "that one's on the vendor team": the incident, as
 * "this one", put on a person. Not "it's on Kim to follow up" (an owner) nor
 * "this one is on me" (the author owning it in an apology is left alone).
 */
function incidentOnPerson(words: readonly Token[], people: People): Finding | null {
  const hit = matchPhrase(words, ONE_ON);
  if (!hit) return null;
  let who = nextWord(words, hit[1]);
  if (words[who]?.lower === 'me' && ownedMistake(words, who)) return span(rule, words[hit[0]]!, words[who]!);
  if (['the', 'our'].includes(words[who]?.lower ?? '')) who = nextWord(words, who);
  if (who === -1 || !isPersonAt(words, who, people) || isNarrator(words[who]) || words[nextWord(words, who)]?.lower === 'to') return null;
  return span(rule, words[hit[0]]!, words[who]!);
}

const ONE_ON = createPhraseIndex(INCIDENT_AS_ONE);

/**
 * "That one's on me — I pushed the wrong template": the author blames themself
 * for a named act, so the review stops at the author as surely as at Kim. The
 * apology alone ("this one is on me") is left alone.
 */
function ownedMistake(words: readonly Token[], me: number): boolean {
  const mark = words.findIndex((w, k) => k > me && ['—', '–', ':', ';', '-'].includes(w.text));
  const i = mark === -1 ? -1 : nextWord(words, mark);
  const verb = nextWord(words, i);
  return i !== -1 && words[i]!.lower === 'i' && verb !== -1 && /ed$|^(put|ran|set|sent|broke|took|wrote|made|left|forgot|shut|cut)$/.test(words[verb]!.lower);
}

/** "The outage came down to Raj", "the blame rests with ops", "lies squarely with the HR systems team". */
function attributed(words: readonly Token[], people: People): Finding | null {
  const found = matchPhrase(words, ATTRIBUTION) ?? adverbAttribution(words);
  // "The night shift was down to two people": a count after "down to" is a level, not a person blamed.
  const hit = found && /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/.test(words[nextWord(words, found[1])]?.lower ?? '') ? null : found;
  const object = hit ? nextWord(words, hit[1]) : -1;
  // "it all came down to him": an object pronoun stands for the person here.
  if (object !== -1 && OBJECT_PRONOUNS.has(words[object]!.lower)) return span(rule, words[hit![0]]!, words[object]!);
  const who = hit ? nextPerson(words, hit[1], people, 4) : -1;
  if (hit && who !== -1 && !isNarrator(words[who])) return span(rule, words[hit[0]]!, words[who]!);
  return bareCause(words, people);
}

const OBJECT_PRONOUNS = new Set(['him', 'them']);
const GOOD_RESULTS = new Set(['recovery', 'restoration', 'rescue', 'improvement', 'improvements', 'success', 'speedup']);
const RESULT_VERBS = new Set(['resulted', 'results', 'stemmed', 'stems']);
const ACTS_OF = new Set(['actions', 'action', 'acts', 'conduct', 'behaviour', 'behavior']);
const BARE = createPhraseIndex(BARE_CAUSES);

/** "Because of Kim the system is down", "the outage was due to the developer": a person, not their thing, as the cause. */
function bareCause(words: readonly Token[], people: People): Finding | null {
  const hit = matchPhrase(words, BARE);
  if (!hit) return null;
  // "The recovery resulted from the actions of the night shift": what resulted is a relief, so the person is credited.
  const relieved =
    words.some(
      (w) => REMEDY_VERBS.has(w.lower) || REMEDY_GERUNDS.has(w.lower) || RELIEVED_OUTCOMES.has(w.lower) || FIX_NOUNS.has(w.lower) || GOOD_RESULTS.has(w.lower),
    ) || recoveryFollows(words);
  if (relieved && RESULT_VERBS.has(words[hit[0]]!.lower)) return null;
  // The person is the very next noun phrase: "due to Kim", "because of the developer" (not "due to the storm, Kim restarted…").
  let who = nextWord(words, hit[1]);
  // "because of what Kavya did to the filter": the person's unnamed act is the cause.
  const what = words[who]?.lower === 'what' ? nextWord(words, who) : -1;
  if (what !== -1 && isPersonAt(words, what, people) && !isNarrator(words[what]) && words[nextWord(words, what)]?.lower === 'did')
    return span(rule, words[hit[0]]!, words[nextWord(words, what)]!);
  if (who !== -1 && ['the', 'a', 'an', 'our', 'their', 'one'].includes(words[who]!.lower)) who = nextWord(words, who);
  // "resulted from the actions of a single member of IT": the person's unnamed acts stand for the person.
  // The person may be a member of a group: "the actions of one member of the IT team".
  if (ACTS_OF.has(words[who]?.lower ?? '') && words[nextWord(words, who)]?.lower === 'of') {
    const of = nextWord(words, who);
    const person = nextPerson(words, of, people, 6);
    if (person === -1 || relieved || words.slice(of, person).some((w) => w.kind === 'punct') || isNarrator(words[person])) return null;
    return span(rule, words[hit[0]]!, words[person]!);
  }
  if (who !== -1 && words.slice(hit[1] + 1, who).some((w) => w.kind === 'punct')) return null;
  if (who === -1 || !(OBJECT_PRONOUNS.has(words[who]!.lower) || isPersonAt(words, who, people))) return null;
  if (isNarrator(words[who]) || words[who]!.lower.endsWith("'s")) return null;
  // "due to the on-call engineer being paged twice": the person is the subject of a further phrase.
  const after = words[nextWord(words, who)];
  if (
    after &&
    (/ing$/.test(after.lower) || ['error', 'errors', 'mistake', 'mistakes', 'availability', 'schedule', 'request', 'requests'].includes(after.lower))
  )
    return null;
  return span(rule, words[hit[0]]!, words[who]!);
}

/** An attribution phrase with a degree adverb inside: "lies squarely with", "rests entirely with". */
function adverbAttribution(words: readonly Token[]): [number, number] | null {
  for (let i = 0; i < words.length; i++) {
    if (!DEGREE_ADVERBS.has(words[i]!.lower)) continue;
    const before = previousWord(words, i);
    const after = nextWord(words, i);
    if (before === -1 || after === -1) continue;
    const joined = [words[before]!.lower, words[after]!.lower];
    if (ATTRIBUTION_PHRASES.some((p) => p.length === 2 && p[0] === joined[0] && p[1] === joined[1])) return [before, after];
  }
  return null;
}

/** "Omar is the reason checkout was down": a person as the reason of a bad outcome. */
function reasonFor(words: readonly Token[], people: People): Finding | null {
  const reason = words.findIndex((w) => REASON_WORDS.has(w.lower));
  if (reason === -1) return null;
  // "Anke is why the farm went dark": "why" right after "is" / "was", never a question.
  if (words[reason]!.lower === 'why' && !['is', 'was', 'are', 'were'].includes(words[previousWord(words, reason)]?.lower ?? '')) return null;
  const judged = judgedWhy(words, reason, people);
  if (judged) return judged;
  const subject = personSubject(words, reason, people);
  if (subject === -1 || isNarrator(words[subject])) return possessedCause(words, reason, people) ?? causeIsWork(words, reason, people);
  // "nobody went looking for a culprit": the subject denies there is one.
  if (['nobody', 'no', 'none', 'neither'].includes(words[subject]!.lower)) return null;
  const bad = words[reason]!.lower === 'culprit' || words.slice(reason).some((w) => BAD_OUTCOMES.has(w.lower));
  return bad ? span(rule, words[subject]!, words[reason]!) : null;
}

/**
 * "The sommelier's lazy stocktaking habits are why the count is off", "Lazy
 * moderators clicking 'approve all' is why this keeps happening": a person,
 * or a person's doing, judged in the subject and then made the reason. The
 * judgement says the outcome is bad even when no failure word follows.
 */
function judgedWhy(words: readonly Token[], why: number, people: People): Finding | null {
  if (words[why]!.lower !== 'why') return null;
  const before = words.slice(0, why);
  if (!before.some((w) => JUDGEMENT_ADJECTIVES.has(w.lower))) return null;
  const who = before.findIndex((w, k) => isPersonAt(words, k, people) && !isNarrator(w) && !isNobodyAt(words, k));
  return who === -1 ? null : span(rule, words[who]!, words[why]!);
}

/**
 * "The problem came from Malakai", "the bug originated from Priya's config
 * tweak": a problem noun, an origin verb and "from", then a person or a
 * person's work ("the report came from a customer" names no problem).
 */
function problemFrom(words: readonly Token[], people: People): Finding | null {
  for (let i = 0; i < words.length; i++) {
    if (!INCIDENT_NOUNS.has(words[i]!.lower)) continue;
    const verb = nextWord(words, i);
    const from = nextWord(words, verb);
    if (verb === -1 || !PROBLEM_ORIGINS.has(words[verb]!.lower) || words[from]?.lower !== 'from') continue;
    let who = nextWord(words, from);
    if (['the', 'a', 'an', 'one', 'our', 'their'].includes(words[who]?.lower ?? '')) who = nextWord(words, who);
    if (who === -1 || !isPersonAt(words, who, people) || isNarrator(words[who])) continue;
    // "the on-call engineer's runbook": the compound's last noun carries the possessive.
    while (nextWord(words, who) !== -1 && isPersonAt(words, nextWord(words, who), people)) who = nextWord(words, who);
    // A person's work must follow a possessive: "from Priya's config tweak", not "from Priya's laptop".
    if (words[who]!.lower.endsWith("'s") && workAfter(words, who) === -1) continue;
    return span(rule, words[i]!, words[who]!);
  }
  return null;
}

/** "Colm's manual edit of the sequencer config is the root cause": a person's act, "is", then the cause. */
function possessedCause(words: readonly Token[], reason: number, people: People): Finding | null {
  const owner = personSubject(words, reason, people, true);
  if (owner === -1 || !words[owner]!.lower.endsWith("'s") || isNarrator(words[owner])) return null;
  const be = words.slice(owner, reason).some((w) => w.lower === 'is' || w.lower === 'was');
  const root = words[previousWord(words, reason)]?.lower === 'root' || words[reason]!.lower === 'culprit';
  // "Kim's change was the cause of the outage": without "root", the person's work and a failure after the cause word.
  const failed =
    workAfter(words, owner) !== -1 && words.some((w, k) => k > reason && BAD_OUTCOMES.has(w.lower) && !endedAfter(words, k)) && !recoveryFollows(words);
  return be && (root || failed) ? span(rule, words[owner]!, words[reason]!) : null;
}

/** "The root cause was Kim's change", "the cause of the outage was Sam's config edit": the cause, "was", then a person's work. */
function causeIsWork(words: readonly Token[], reason: number, people: People): Finding | null {
  if (words[reason]!.lower === 'why') return null;
  for (let j = nextWord(words, reason), n = 0; j !== -1 && n < 6; j = nextWord(words, j), n++) {
    if (words[j]!.lower !== 'is' && words[j]!.lower !== 'was') continue;
    const owner = nextWord(words, j);
    if (owner === -1 || !words[owner]!.lower.endsWith("'s") || !isPersonAt(words, owner, people) || isNarrator(words[owner])) return null;
    const work = workAfter(words, owner);
    return work === -1 ? null : span(rule, words[reason]!, words[work]!);
  }
  return null;
}

const ENDINGS = new Set(['ended', 'ends', 'stopped', 'cleared', 'resolved', 'over', 'finished', 'subsided', 'short', 'shorter', 'contained']);

/** "…the reason the outage ended", "…the outage was over in ten minutes": the failure named is one that stopped. */
function endedAfter(words: readonly Token[], k: number): boolean {
  for (let j = nextWord(words, k), n = 0; j !== -1 && n < 2; j = nextWord(words, j), n++) if (ENDINGS.has(words[j]!.lower)) return true;
  return false;
}

/** A person's work named within two words after the possessive at `owner` ("Kim's config edit"), or -1. */
function workAfter(words: readonly Token[], owner: number): number {
  for (let j = nextWord(words, owner), n = 0; j !== -1 && n < 2; j = nextWord(words, j), n++) if (AUTHORED_WORK.has(words[j]!.lower)) return j;
  return -1;
}

const NORM_PHRASES = createPhraseIndex(NORM_VIOLATION_PHRASES);
const DEFECTIVE = new Set(['broken', 'faulty', 'outdated', 'stale', 'wrong', 'missing', 'failing', 'buggy', 'flaky', 'incorrect', 'obsolete']);
const NORM_FRAME_INDEX = createPhraseIndex(NORM_FRAMES);

/** The first norm or safeguard noun within six words after `from` ("ignore the failing smoke tests"), or -1. */
function normAfter(words: readonly Token[], from: number): number {
  for (let j = nextWord(words, from), n = 0; j !== -1 && n < 6; j = nextWord(words, j), n++)
    if (NORM_NOUNS.has(words[j]!.lower) || SAFEGUARD_NOUNS.has(words[j]!.lower)) return j;
  return -1;
}

/** "skipped the canary", "bypassed the approval step": the safeguard or norm within four words after `verb`, or -1. */
function safeguardAfter(words: readonly Token[], verb: number): number {
  for (let j = nextWord(words, verb), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++)
    if (SAFEGUARD_NOUNS.has(words[j]!.lower) || NORM_NOUNS.has(words[j]!.lower)) return j;
  return -1;
}

/** A person, not the authors, acting in the clause: the first one named. */
function actingPerson(words: readonly Token[], people: People): number {
  for (let i = 0; i < words.length; i++) if (isPersonAt(words, i, people)) return isNarrator(words[i]) || words[i]!.lower.endsWith("'s") ? -1 : i;
  return -1;
}

/** "Bruno violated the change-freeze policy", "Tess went against the documented steps": a person against a norm. */
export function normViolation(words: readonly Token[], people: People): Finding | null {
  for (let i = 0; i < words.length; i++) {
    const phrase: [number, number] | null = NORM_VIOLATIONS.has(words[i]!.lower) ? [i, i] : matchPhrase(words, NORM_PHRASES, i, (at) => at === i);
    if (!phrase) continue;
    const norm = normAfter(words, phrase[1]);
    // "worked around the broken runbook step": going past a defect is the response.
    // (Ignoring "the failing smoke tests" is still against the norm: only going around is.)
    if (norm !== -1 && words[phrase[1]]!.lower === 'around' && words.slice(phrase[1] + 1, norm).some((w) => DEFECTIVE.has(w.lower))) continue;
    if (norm === -1 || personSubject(words, i, people) === -1 || isNarrator(words[personSubject(words, i, people)])) continue;
    return span(rule, words[i]!, words[norm]!);
  }
  // "Paul skipped the canary", "decided to skip the staged rollout": going past a safeguard on purpose.
  for (let i = 0; i < words.length; i++) {
    // "The engineer must have skipped…" guesses at a past act: a counterfactual, reported by its own rule.
    if (!SKIPPING_VERBS.has(words[i]!.lower) || words[previousWord(words, i)]?.lower === 'have') continue;
    const guard = safeguardAfter(words, i);
    const subject = guard === -1 ? -1 : personSubject(words, i, people);
    if (subject !== -1 && !isNarrator(words[subject])) return span(rule, words[subject]!, words[guard]!);
  }
  // "Contrary to the runbook, Joao restarted the primary", "Kim deployed outside the change window".
  const frame = matchPhrase(
    words,
    NORM_FRAME_INDEX,
    0,
    (at) => words[at]!.lower !== 'against' || words[at - 1]?.text === ',' || findPhrase(words, ['the', 'advice', 'of'], at) === nextWord(words, at),
  );
  const norm = frame ? normAfter(words, frame[1]) : -1;
  const who = norm === -1 ? -1 : actingPerson(words, people);
  return who === -1 ? null : span(rule, words[Math.min(who, frame![0])]!, words[Math.max(who, norm)]!);
}

const INTERJECTIONS = new Set(['bravo', 'kudos', 'congrats', 'congratulations', 'thanks', 'thank', 'cheers']);
/** Nouns of an act that praise is about: "great job", "stellar deploy". */
const ACT_NOUNS = new Set([
  'job',
  'work',
  'deploy',
  'deployment',
  'release',
  'change',
  'move',
  'idea',
  'call',
  'effort',
  'push',
  'rollout',
  'migration',
  'performance',
  'show',
  'decision',
  'plan',
  'timing',
  'stuff',
  'one',
]);

const INTENSIFIERS = new Set(['really', 'truly', 'honestly', 'seriously']);

/**
 * Sarcasm: praise next to a person and a bad outcome, with no fix in
 * sight. "Another stellar deploy from Rosa: three hours of downtime",
 * "Great job, Piotr, the panel is now a paperweight", "Thanks, Linh, for
 * deleting the only copy". Praise for a response passes ("great job
 * restoring checkout", "thanks to the on-call for catching it").
 */
export function sarcasticPraise(words: readonly Token[], people: People): Finding | null {
  // "Well done, Lucas, …" praises like an adjective: an outcome noun is enough.
  const wellDone = (i: number) => words[i]!.lower === 'done' && words[previousWord(words, i)]?.lower === 'well' && words[i + 1]?.text === ',';
  const praise = words.findIndex((w, i) => (SARCASTIC_PRAISE.has(w.lower) && (INTERJECTIONS.has(w.lower) || praiseOfAct(words, i))) || wellDone(i));
  if (praise === -1 || words.some((w) => REMEDY_GERUNDS.has(w.lower) || REMEDY_VERBS.has(w.lower))) return null;
  let who = -1;
  for (let j = Math.max(0, praise - 12); j < words.length && j <= praise + 12 && who === -1; j++)
    if (isPersonAt(words, j, people) && !isNarrator(words[j])) who = j;
  if (who === -1) return null;
  // "Superb timing, Elif: renaming the bucket during the launch": praise, the person addressed, then the act they are praised for.
  const addressed = words[who - 1]?.kind === 'punct' && words[who + 1]?.kind === 'punct' && who > praise;
  // "Great job, ops, really, shipping the cutoff change at 4 a.m.": an intensifier may stand between the person and the act.
  const first = addressed ? nextWord(words, who) : -1;
  const act = first !== -1 && INTENSIFIERS.has(words[first]!.lower) ? nextWord(words, first) : first;
  if (act !== -1 && /ing$/.test(words[act]!.lower) && !REMEDY_GERUNDS.has(words[act]!.lower)) return span(rule, words[praise]!, words[act]!);
  // "Thanks a lot, Ravi, for scheduling the reindex at peak time": thanks for an act the clause loads.
  const thanked = addressed && words[act]?.lower === 'for' ? nextWord(words, act) : -1;
  if (thanked !== -1 && /ing$/.test(words[thanked]!.lower) && !REMEDY_GERUNDS.has(words[thanked]!.lower)) {
    const loaded = matchPhrase(words, RISKY_OR_LOADED, thanked);
    if (loaded) return span(rule, words[praise]!, words[loaded[1]]!);
  }
  // "What a brilliant idea from Bilal, …", "Another brilliant release from the payments squad": an exclamation of
  // praise for a person's act, or praise of one more of them, is sarcastic by itself.
  // ("Huge thanks to Lucia, …" has no "what a": a missing phrase must not match a missing word before the praise.)
  const whatA = findPhrase(words, ['what', 'a']);
  const exclaimed = whatA !== -1 && whatA === previousWord(words, previousWord(words, praise));
  // "Another brilliant release from the payments squad: every terminal rebooted": the praise, then what came of it.
  const another =
    words[previousWord(words, praise)]?.lower === 'another' &&
    !INTERJECTIONS.has(words[praise]!.lower) &&
    praiseOfAct(words, praise) &&
    words.some((w, k) => k > who && [':', '\u2014', '\u2013', ';'].includes(w.text) && nextWord(words, k) !== -1);
  if (exclaimed || another) return span(rule, words[Math.min(praise, who)]!, words[Math.max(praise, who)]!);
  const interjection = INTERJECTIONS.has(words[praise]!.lower);
  for (let j = praise + 1; j < words.length; j++) {
    const damage = participleAt(words, j) || damageAt(words, j) !== -1;
    // Thanks need a damaging act ("for deleting…"); an outcome noun alone is how acknowledgements read ("thanks to everyone on the outage bridge").
    // "…during the outage" sets the scene; the outcome must be the result.
    const outcome =
      (SARCASTIC_OUTCOMES.has(words[j]!.lower) || BAD_OUTCOMES.has(words[j]!.lower)) &&
      !SCENE_PREPOSITIONS.has(words[previousWord(words, previousWord(words, j))]?.lower ?? '') &&
      !SCENE_PREPOSITIONS.has(words[previousWord(words, j)]?.lower ?? '');
    // "Kudos to Fleur for turning the sensors into bricks": thanks with an outcome the act turned things "into" or "now" are.
    const turned =
      outcome && ['into', 'now'].some((w) => words[previousWord(words, j)]?.lower === w || words[previousWord(words, previousWord(words, j))]?.lower === w);
    if (damage || ((!interjection || turned) && outcome)) return span(rule, words[Math.min(praise, who)]!, words[Math.max(j, who)]!);
  }
  return null;
}

const RISKY_OR_LOADED = createPhraseIndex([...RISKY_TIMES, ...LOADED_MARKERS.filter((m) => !RISKY_TIMES.some((r) => r.join(' ') === m.join(' ')))]);
const SCENE_PREPOSITIONS = new Set(['during', 'through', 'after', 'throughout', 'in', 'since', 'before', 'despite']);

/** "Great job", "stellar deploy", "Nice," : the praise word is about an act, or set off by a comma. */
function praiseOfAct(words: readonly Token[], i: number): boolean {
  if (words[i + 1]?.text === ',') return true;
  for (let j = nextWord(words, i), n = 0; j !== -1 && n < 2; j = nextWord(words, j), n++) if (ACT_NOUNS.has(words[j]!.lower)) return true;
  return false;
}

/**
 * "The ward tablets lost their sessions when Matteo rotated the key": a bad
 * outcome, and a listed person's act as the moment it happened.
 */
export function outcomeWhenPersonActs(words: readonly Token[], people: People): Finding | null {
  const outcome = words.findIndex((_, i) => isBadOutcome(words, i));
  // "Why did the controllers flood? Because Ines uploaded last year's schedule.": the answer names the cause.
  const answer = words[nextWord(words, -1)]?.lower === 'because';
  if (outcome === -1 && !answer) return null;
  // "Because Dmitri stayed on the line, the next pass was saved": with no harm named, a relief makes it credit.
  if (outcome === -1 && (words.some((w) => RELIEVED_OUTCOMES.has(w.lower)) || recoveryFollows(words))) return null;
  for (let i = answer ? 0 : outcome + 1; i < words.length; i++) {
    if (!OUTCOME_LINKS.has(words[i]!.lower)) continue;
    // "…because the analytics contractor copied it", "because the lab automation team decided…": a role may take a determiner and modifiers.
    const who = nextPerson(words, i, people, 4);
    const verb = nextWord(words, who);
    if (who === -1 || verb === -1 || isNarrator(words[who]) || words[who]!.lower.endsWith("'s")) continue;
    // With no outcome named, only the answer's own subject counts: "Because Ines uploaded…", not "because the channel manager treats…" (a system named by its role).
    if (outcome === -1 && !directSubject(words, i, who)) continue;
    // "…because nobody owned the queue": no person acted; what nobody did is an omission, not a cause.
    if (['nobody', 'no', 'none'].includes(words[who]!.lower)) continue;
    if (BE.has(words[verb]!.lower) || REMEDY_VERBS.has(words[verb]!.lower)) continue;
    return span(rule, words[who]!, words[verb]!);
  }
  return null;
}

const OUTCOME_LINKS = new Set(['when', 'after', 'because', 'since', 'once']);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'one', 'that', 'this']);

/** Is the person at `who` the subject right after the link at `link`, at most behind a determiner ("because the contractor"), not a compound ("because the channel manager")? */
function directSubject(words: readonly Token[], link: number, who: number): boolean {
  const first = nextWord(words, link);
  return first === who || (DETERMINERS.has(words[first]?.lower ?? '') && nextWord(words, first) === who);
}
const WENT = new Set(['went', 'goes', 'go', 'gone']);

/** "lost", "crashed", "went down", "was wiped": a bad outcome at `i`. */
function isBadOutcome(words: readonly Token[], i: number): boolean {
  const lower = words[i]!.lower;
  if (OUTCOME_VERBS.has(lower)) return true;
  if (WENT.has(lower)) return ['down', 'offline', 'dark', 'missing'].includes(words[nextWord(words, i)]?.lower ?? '');
  // "the export was wiped when…": a damage verb in the passive.
  return ['was', 'were', 'got'].includes(words[previousWord(words, i)]?.lower ?? '') && damageAt(words, i) !== -1;
}
