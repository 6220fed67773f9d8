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
import { agentOfBy, isBelonging, isNarrator, isNobodyAt, isPersonAt, nextPerson, personSubject, type People } from '../grammar/people.js';
import { isPassiveCleanup, isResponseAct, recoveryFollows, relievingResult, servingPurpose } from '../grammar/response-acts.js';
import { ADJECTIVE_POSITION, damageAt, participleAt } from './damage.js';
import { implicitBlame } from './person-as-cause-implicit.js';
import { namedAsSource, normViolation, outcomeWhenPersonActs, sarcasticPraise } from './person-as-cause-source.js';
import { accusingWho } from './who-omitted.js';
import { createPhraseIndex, matchPhrase, nextWord, previousWord, type PhraseIndex } from '../grammar/windows.js';
import { type Span, type Token } from '../grammar/tokens.js';
import {
  APOLOGY_WORDS,
  COMMUNICATION_GERUNDS,
  DISABLED_SAFEGUARDS,
  DISABLING_VERBS,
  BAD_OUTCOMES,
  INCIDENT_NOUNS,
  SARCASTIC_OUTCOMES,
  LEARNER_BASES,
  LEFT_STATES,
  LIVE_PLACES,
  PROMOTED_THINGS,
  REQUEST_VERBS,
  TEST_THINGS,
  EXPOSURE_PLACES,
  FIX_NOUNS,
  IGNORING_VERBS,
  LOADED_MARKERS,
  NARRATOR_FAILURES,
  OUTCOME_VERBS,
  PASSIVE_CAUSE,
  PASSIVE_PARTICLES,
  PLANNED_MARKERS,
  REFRAINING_VERBS,
  REMEDY_GERUNDS,
  REMEDY_VERBS,
  REPETITION_OPENERS,
  RISKY_TIMES,
  SAFEGUARD_NOUNS,
  SECRET_NOUNS,
  SKIPPED_SAFEGUARDS,
  UNTESTED_OBJECTS,
} from '../vocabulary/generated.js';

const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'got', 'get', 'has', 'have', 'had', 'will']);
const CLAUSE_MODALS = new Set(['would', 'could', 'might', 'will', 'may', 'can']);
const DUTY_MODALS = new Set(['should', 'must', 'shall', 'can', 'may', 'need', 'needs']);

const CONDITIONS = new Set(['if', 'unless', 'had']);

const PLANNED = createPhraseIndex(PLANNED_MARKERS);
const LOADED = createPhraseIndex(LOADED_MARKERS);
const SAFEGUARDS = createPhraseIndex(SKIPPED_SAFEGUARDS);
const REPEATS = createPhraseIndex(REPETITION_OPENERS);
const RISKY = createPhraseIndex(RISKY_TIMES);
const INTO = new Set(['into', 'to', 'in', 'on', 'onto']);

/** "copied the production credentials into the shared team notes": a secret put in an open place; the index of the place, or -1. */
function exposedSecret(words: readonly Token[], from: number): number {
  for (let i = from; i < words.length; i++) {
    if (!SECRET_NOUNS.has(words[i]!.lower)) continue;
    // The place follows the secret itself ("credentials into the notes"), not a noun it modifies ("the token rotation plan in the channel").
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 1; j = nextWord(words, j), n++) {
      if (!INTO.has(words[j]!.lower)) continue;
      for (let k = nextWord(words, j), m = 0; k !== -1 && m < 3; k = nextWord(words, k), m++) if (EXPOSURE_PLACES.has(words[k]!.lower)) return k;
    }
  }
  return -1;
}
const RELATIVE_SUBJECTS = new Set(['that', 'which', 'they', 'he', 'she', 'nobody', 'no']);
const NEVER = new Set(['never', 'not', "hadn't", "wasn't", "weren't", "didn't", 'nobody', 'one']);

/**
 * "a ranking change that nobody had load-tested", "a build that had never
 * passed the suite", "a build they had not tested", "a build that failed
 * half its tests": the object of the act had no check, or failed it. The index of the check word, or -1.
 */
function untestedObject(words: readonly Token[], from: number): number {
  for (let i = from; i < words.length; i++) {
    if (!RELATIVE_SUBJECTS.has(words[i]!.lower)) continue;
    let negated = words[i]!.lower === 'nobody' || words[i]!.lower === 'no';
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) {
      if (NEVER.has(words[j]!.lower)) negated = true;
      else if (negated && UNTESTED_OBJECTS.has(words[j]!.lower)) return j;
      // "a build that failed half its tests".
      else if (['failed', 'failing'].includes(words[j]!.lower) && n === 0) {
        for (let k = nextWord(words, j), m = 0; k !== -1 && m < 3; k = nextWord(words, k), m++) if (SAFEGUARD_NOUNS.has(words[k]!.lower)) return j;
      }
    }
  }
  return -1;
}

/** "without a dry run", "without any tests": the index of "without" when a safeguard noun follows closely, or -1. */
function skippedSafeguard(words: readonly Token[], from: number): number {
  for (let i = from; i < words.length; i++) {
    if (words[i]!.lower !== 'without') continue;
    // "without a dry run", "without looping in the edge team".
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 3; j = nextWord(words, j), n++)
      if (SAFEGUARD_NOUNS.has(words[j]!.lower) || COMMUNICATION_GERUNDS.has(words[j]!.lower)) return i;
  }
  return -1;
}

/** Words before "again" that say something works again: "…and bags started moving again", "…users could log in again". */
const RESUMED = new Set([
  'moving',
  'moved',
  'flowing',
  'flowed',
  'working',
  'worked',
  'responding',
  'responded',
  'serving',
  'draining',
  'processing',
  'syncing',
  'passing',
  'normally',
  'online',
  'in',
]);

/** Is the marker at `at` an "again" that tells of a recovery, not of a repeat? */
function resumedAgain(words: readonly Token[], at: number): boolean {
  return words[at]!.lower === 'again' && RESUMED.has(words[previousWord(words, at)]?.lower ?? '');
}

function hasAny(words: readonly Token[], index: PhraseIndex, from = 0): number {
  return matchPhrase(words, index, from)?.[0] ?? -1;
}

/** `blame/person-as-cause`: a person is the subject of a failure, or named as its source. */
export function checkPersonAsCause(clauses: readonly Span[], sentence: Span, people: People): Finding[] {
  if (hasAny(sentence.words, PLANNED) !== -1 || sentence.words.some((w) => APOLOGY_WORDS.has(w.lower)) || sanctioned(sentence.words)) return [];
  const rule = 'blame/person-as-cause';
  // "Haruto killed the stuck workers and spend dropped back to baseline": the act brought the recovery.
  const recovered = recoveryFollows(sentence.words);
  for (const [c, clause] of clauses.entries()) {
    const words = clause.words;
    // "…disabled the checks | so her test would pass": a purpose opens the next clause.
    const next = clauses[c + 1]?.words;
    const purposeNext = next !== undefined && next[0]?.lower === 'so' && purposeSo(next, 0);
    // "Lee purged the cache | so customers would see the corrected prices": the act serves others.
    // "Marisol purged the cache | , which cleared the phantom availability": the result relieves the incident.
    const serving = next !== undefined && (servingPurpose(next, 0) || relievingResult(next, 0) || relievingResult(next, nextWord(next, -1)));
    // "If the DBA hadn't dropped that index, …": an act in a condition is the counterfactual's premise, which that rule reports.
    const conditional = CONDITIONS.has(words[nextWord(words, -1)]?.lower ?? '');
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.kind !== 'word') continue;
      const end = conditional ? -1 : damageAt(words, i);
      if (end !== -1) {
        const subject = personSubject(words, i, people, true);
        if (
          subject !== -1 &&
          agentOf(words, subject, i) &&
          !isPassive(words, i) &&
          !isResponseAct(words, i, end) &&
          !afterRemedy(words, subject, i) &&
          !words.some((w, k) => k > end && relievingResult(words, k)) &&
          !serving &&
          !recovered
        )
          return [span(rule, words[subject]!, words[end]!)];
      }
      const by = passiveBy(words, i, people);
      if (by !== -1) return [span(rule, words[i]!, words[by]!)];
      const agent = passiveAgentThenDamage(words, i, people) ?? passiveSafeguard(words, i, people);
      if (agent) return [agent];
    }
    const loaded = loadedAction(words, people, purposeNext) ?? normViolation(words, people) ?? gerundAct(words, people) ?? loadedWork(words, people);
    if (loaded) return [loaded];
  }
  return (
    namedAsSource(sentence.words, people) ??
    consequence(sentence.words, people) ??
    [
      outcomeWhenPersonActs(sentence.words, people) ??
        sarcasticPraise(sentence.words, people) ??
        implicitBlame(sentence.words, people) ??
        accusingWho(sentence.words),
    ].filter((f) => f !== null)
  );
}

/**
 * Is the person at `subject` the agent of the damage verb at `verb`? Not when
 * a relative "that" / "which" gives the verb a thing as subject ("a race
 * condition that caused…"), nor when the authors narrate ("we deleted the
 * packages") unless the verb is a failure by itself ("we broke search").
 */
function agentOf(words: readonly Token[], subject: number, verb: number): boolean {
  const before = words[previousWord(words, verb)]?.lower;
  if (before === 'that' || before === 'which') return false;
  // "Celine should've known the rename would break the uploads": a thing between the person and a modal is the subject.
  if (before !== undefined && CLAUSE_MODALS.has(before) && words.slice(subject + 1, previousWord(words, verb)).some((w) => ADJECTIVE_POSITION.has(w.lower)))
    return false;
  return !isNarrator(words[subject]) || NARRATOR_FAILURES.has(words[verb]!.lower);
}

/** Remedies that only see or check; acting on "the wrong" thing is blame only for the others. */
const PERCEIVING = new Set([
  'found',
  'noticed',
  'spotted',
  'identified',
  'detected',
  'discovered',
  'saw',
  'observed',
  'caught',
  'confirmed',
  'investigated',
  'diagnosed',
  'traced',
  'determined',
  'flagged',
  'reported',
  'noted',
  'suspected',
  'learned',
  'encountered',
  'verified',
  'reviewed',
  'checked',
  'tested',
  'inspected',
  'audited',
  'validated',
  'double-checked',
  'concluded',
  'established',
  'analyzed',
  'analysed',
  'believed',
  'expect',
  'expected',
]);

/** "rotated the wrong certificate", "restored the incorrect snapshot": the wrong object right after a repair verb. */
function wrongTarget(words: readonly Token[], subject: number, verb: number): Finding | null {
  for (let j = nextWord(words, verb), n = 0; j !== -1 && n < 2; j = nextWord(words, j), n++) {
    if (words[j]!.lower === 'wrong' || words[j]!.lower === 'incorrect') return span('blame/person-as-cause', words[subject]!, words[j]!);
  }
  return null;
}

/** "has been running destructive scripts", "has broken the feed": a perfect in the active voice, not a passive. */
function perfectActive(words: readonly Token[], aux: number): boolean {
  if (!['has', 'have', 'had'].includes(words[aux]!.lower)) return false;
  const next = nextWord(words, aux);
  if (next === -1) return false;
  if (words[next]!.lower === 'been') return /ing$/.test(words[nextWord(words, next)]?.lower ?? '');
  // "had unauthorised access", "had untested code": a loaded adjective, not a participle.
  return /(ed|en|wn)$/.test(words[next]!.lower) && matchPhrase(words, LOADED, next, (at) => at === next) === null;
}

/** "Emeka rotated the credentials and purged the notes history": a damage verb coordinated with a remedy is part of the response. */
function afterRemedy(words: readonly Token[], subject: number, verb: number): boolean {
  for (let j = nextWord(words, subject); j !== -1 && j < verb; j = nextWord(words, j)) {
    if (!words.slice(j, verb).some((w) => w.lower === 'and')) continue;
    if (REMEDY_VERBS.has(words[j]!.lower)) return true;
    // "Dov killed the stuck job and purged its queue": coordinated with an act that was itself the response.
    const end = damageAt(words, j);
    if (end !== -1 && end < verb && isResponseAct(words, j, end)) return true;
  }
  return false;
}

/** "…, as the incident policy allows", "as the runbook requires": the act was what the rules provide for. */
function sanctioned(words: readonly Token[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.lower !== 'as') continue;
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 5; j = nextWord(words, j), n++)
      if (
        ['allows', 'allowed', 'permits', 'permitted', 'requires', 'required', 'prescribes', 'prescribed', 'instructs', 'instructed'].includes(words[j]!.lower)
      )
        return true;
  }
  return false;
}

// "sent a test message to her own phone": what reaches only oneself is a test, not a loaded act.
const OWN_IDENTITY = new Set([
  'account',
  'accounts',
  'credentials',
  'login',
  'identity',
  'user',
  'name',
  'key',
  'keys',
  'token',
  'phone',
  'device',
  'inbox',
  'email',
  'mailbox',
  'calendar',
  'number',
]);

/** Words after "with" / "after" that say someone else had the act in hand: "…present", "after handing over to Lee". */
const GUARDS = new Set(['present', 'supervision', 'supervising', 'watching', 'approved', 'handing', 'handed', 'handover', 'hand-off', 'handoff']);

/** "with a company engineer present", "with approval", "after review": the act had its safeguard. */
function guardedAct(words: readonly Token[], from: number): boolean {
  for (let i = from; i < words.length; i++) {
    if (words[i]!.lower !== 'with' && words[i]!.lower !== 'after') continue;
    if (['no', 'none', 'nobody'].includes(words[nextWord(words, i)]?.lower ?? '')) continue;
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 5; j = nextWord(words, j), n++)
      if (SAFEGUARD_NOUNS.has(words[j]!.lower) || GUARDS.has(words[j]!.lower)) return true;
  }
  return false;
}

/** "turned a routine DNS change into a six-hour outage": the index of the failure the act was made into, or -1. */
function turnedIntoFailure(words: readonly Token[], verb: number): number {
  if (!['turned', 'turns', 'made'].includes(words[verb]!.lower)) return -1;
  const into = words.findIndex((w, k) => k > verb && k < verb + 10 && w.lower === 'into');
  if (into === -1) return -1;
  for (let k = nextWord(words, into), m = 0; k !== -1 && m < 5; k = nextWord(words, k), m++)
    if (INCIDENT_NOUNS.has(words[k]!.lower) || BAD_OUTCOMES.has(words[k]!.lower) || SARCASTIC_OUTCOMES.has(words[k]!.lower)) return k;
  return -1;
}

/** "left the server room door propped open", "left the bucket world-readable": the index of the state, or -1 (not with a purpose after it). */
function leftInState(words: readonly Token[], verb: number): number {
  if (words[verb]!.lower !== 'left') return -1;
  for (let j = nextWord(words, verb), n = 0; j !== -1 && n < 7; j = nextWord(words, j), n++) {
    if (!LEFT_STATES.has(words[j]!.lower)) continue;
    return words.slice(j + 1).some((w) => w.lower === 'to' || w.lower === 'so') ? -1 : j;
  }
  return -1;
}

/**
 * "hard-coded a test discount into production", "sent a test script to the
 * flight unit": a thing made for testing put where it serves for real. The
 * index of the live place, or -1. A build promoted from staging is the
 * release process ("promoted the staging build to production").
 */
function misplacedTestThing(words: readonly Token[], from: number): number {
  for (let i = from; i < words.length; i++) {
    if (!TEST_THINGS.has(words[i]!.lower)) continue;
    const head = nextWord(words, i);
    if (head === -1 || PROMOTED_THINGS.has(words[head]!.lower)) continue;
    for (let j = head, n = 0; j !== -1 && n < 3; j = nextWord(words, j), n++) {
      if (!INTO.has(words[j]!.lower) && words[j]!.lower !== 'at') continue;
      for (let k = nextWord(words, j), m = 0; k !== -1 && m < 3; k = nextWord(words, k), m++) {
        // "sent a test transaction to production to verify the fix": testing in production on purpose.
        if (LIVE_PLACES.has(words[k]!.lower)) return words.slice(k + 1).some((w) => w.lower === 'to') ? -1 : k;
      }
      break;
    }
  }
  return -1;
}

/**
 * "The engineer has delete the table", "Arjun was make a change": a learner's
 * past, an auxiliary and a bare verb, read as the act it reports.
 */
function learnerPast(words: readonly Token[], aux: number): boolean {
  if (!['has', 'have', 'had', 'was', 'were'].includes(words[aux]!.lower)) return false;
  const verb = words[nextWord(words, aux)]?.lower ?? '';
  // "The pharmacist has entering the dose": a perfect with a gerund is a learner's past too ("was entering" is a scene).
  return LEARNER_BASES.has(verb) || (['has', 'have'].includes(words[aux]!.lower) && /[a-z]{3}ing$/.test(verb) && verb !== 'being');
}

/**
 * "disabled the velocity checks so her load test would pass", "turned off the
 * alarms to finish early": a safeguard switched off by the verb at `verb` for
 * a purpose of the person's own (a mitigation purpose is the response, see
 * isResponseAct); the index of the safeguard, or -1. Switching one off with
 * no reason given is left alone: it is how a maintenance step reads.
 */
function disabledSafeguard(words: readonly Token[], verb: number, purposeNext: boolean): number {
  if (!DISABLING_VERBS.has(words[verb]!.lower)) return -1;
  // "turned off", "switched off", "commented out": those need their particle.
  if (['switched', 'turned', 'commented'].includes(words[verb]!.lower) && !words.slice(verb + 1, verb + 6).some((w) => w.lower === 'off' || w.lower === 'out'))
    return -1;
  for (let j = nextWord(words, verb), n = 0; j !== -1 && n < 5; j = nextWord(words, j), n++) {
    const lower = words[j]!.lower;
    if (SAFEGUARD_NOUNS.has(lower) || DISABLED_SAFEGUARDS.has(lower)) return purposeAfter(words, j, purposeNext) ? j : -1;
    if (['to', 'and', 'so', 'because', 'while', 'for'].includes(lower)) return -1;
  }
  return -1;
}

/** "… so her test would pass", "… to speed up his test": a purpose clause within four words after `from` (or opening the next clause). */
function purposeAfter(words: readonly Token[], from: number, purposeNext: boolean): boolean {
  // The clause ends at the safeguard: the purpose, if any, is the next clause's "so".
  if (nextWord(words, from) === -1) return purposeNext;
  for (let j = nextWord(words, from), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) {
    const lower = words[j]!.lower;
    if ((lower === 'so' && purposeSo(words, j)) || (lower === 'to' && !ADJECTIVE_POSITION.has(words[nextWord(words, j)]?.lower ?? ''))) return true;
    if (lower === 'and' || lower === 'but' || words[j]!.text === ',') return false;
  }
  return false;
}

/** "so that…", "so her test would pass": "so" of purpose (a modal follows), not of result ("so the pager stayed quiet"). */
function purposeSo(words: readonly Token[], so: number): boolean {
  if (words[nextWord(words, so)]?.lower === 'that') return true;
  for (let j = nextWord(words, so), n = 0; j !== -1 && n < 6; j = nextWord(words, j), n++) if (CLAUSE_MODALS.has(words[j]!.lower)) return true;
  return false;
}

function isPassive(words: readonly Token[], verb: number): boolean {
  const before = words[previousWord(words, verb)]?.lower;
  return before !== undefined && ['was', 'were', 'been', 'being', 'got'].includes(before);
}

/**
 * "was caused by Tom", "mistakes were made by the release team", and any
 * damage verb in the passive: "the backups were deleted by Tariq", "the
 * certificate was allowed to expire by the security team" (not a response
 * act: "…deleted by Kim to free disk space").
 */
function passiveBy(words: readonly Token[], i: number, people: People): number {
  // "the page was ignored by the on-call" is an omission (`blame/counterfactual`), not damage.
  // "The outage is caused by Mr. Dmitri": learners' English tells a past cause in the present; only "caused", since
  // "is triggered by the on-call" and "is done by the night shift" describe a procedure.
  // "The problem is created by Jonas": learners' present passive of making, with the problem itself as its subject
  // (not "an issue is created by the on-call", a ticket, nor "an incident is created", a record).
  const present = ['is', 'are'].includes(words[previousWord(words, i)]?.lower ?? '');
  const madeProblem =
    ['created', 'introduced', 'made'].includes(words[i]!.lower) && MADE_PROBLEMS.has(words[previousWord(words, previousWord(words, i))]?.lower ?? '');
  const presentCause = present && (words[i]!.lower === 'caused' || madeProblem);
  if ((!isPassive(words, i) && !presentCause) || IGNORING_VERBS.has(words[i]!.lower)) return -1;
  // "The cold-room doors were left open by the loading crew": a state left behind, in the passive.
  const leftState = words[i]!.lower === 'left' && LEFT_STATES.has(words[nextWord(words, i)]?.lower ?? '') ? nextWord(words, i) : -1;
  const damage = PASSIVE_CAUSE.has(words[i]!.lower) || madeProblem ? i : leftState !== -1 ? leftState : damageAt(words, i);
  if (damage === -1 || isResponseAct(words, i, damage) || isPassiveCleanup(words, previousWord(words, i), i) || deniedSubject(words, i)) return -1;
  let by = nextWord(words, damage);
  if (PASSIVE_PARTICLES.has(words[by]?.lower ?? '')) by = nextWord(words, by);
  if (by === -1 || words[by]!.lower !== 'by') return -1;
  // The agent is the noun phrase right after "by" ("by the night-shift process engineer"), not a later clause ("by a retention rule nobody knew").
  const j = agentOfBy(words, by, people);
  if (j === -1) return -1;
  return words[nextWord(words, j)]?.lower.match(/^(error|mistake)s?$/) || ['nobody', 'no'].includes(words[j]!.lower) ? -1 : j;
}

const MADE_PROBLEMS = new Set(['problem', 'problems', 'bug', 'bugs', 'outage', 'regression', 'mess', 'failure', 'breakage']);

const PASSIVE_SWITCHES = new Set([
  'bypassed',
  'skipped',
  'overridden',
  'overrode',
  'circumvented',
  'disabled',
  'deactivated',
  'silenced',
  'muted',
  'suppressed',
  'ignored',
]);

/**
 * "The safety interlock was bypassed by the maintenance crew", "the alarm was
 * silenced by a nurse": a safeguard gone past or switched off in the passive,
 * with a person after "by".
 */
function passiveSafeguard(words: readonly Token[], i: number, people: People): Finding | null {
  if (!PASSIVE_SWITCHES.has(words[i]!.lower) || !isPassive(words, i)) return null;
  const aux = previousWord(words, i);
  const guarded = [1, 2, 3, 4].map((n) => words[aux - n]).some((w) => w !== undefined && (SAFEGUARD_NOUNS.has(w.lower) || DISABLED_SAFEGUARDS.has(w.lower)));
  const by = nextWord(words, i);
  const who = guarded && words[by]?.lower === 'by' ? nextPerson(words, by, people, 3) : -1;
  return who !== -1 && !isNarrator(words[who]) ? span('blame/person-as-cause', words[i]!, words[who]!) : null;
}

/** "No unauthorized changes were made by the operator": the passive's subject is denied. */
function deniedSubject(words: readonly Token[], verb: number): boolean {
  for (let j = previousWord(words, previousWord(words, verb)), n = 0; j !== -1 && n < 5; j = previousWord(words, j), n++) {
    if (['no', 'none', 'neither', 'nothing'].includes(words[j]!.lower)) return true;
    if (words[j]!.kind === 'punct') return false;
  }
  return false;
}

/**
 * "The deploy was pushed by Kim without review and broke checkout": a passive
 * agent, and the same subject's coordinated verb is a failure.
 */
function passiveAgentThenDamage(words: readonly Token[], i: number, people: People): Finding | null {
  if (words[i]!.lower !== 'by') return null;
  // "was pushed through by Sam": a particle may stand between the verb and its agent.
  let verb = previousWord(words, i);
  if (PASSIVE_PARTICLES.has(words[verb]?.lower ?? '')) verb = previousWord(words, verb);
  // "was pushed to production by the web team": a short phrase may stand between the verb and "by".
  for (let n = 0; verb !== -1 && n < 3 && !isPassive(words, verb); n++) verb = previousWord(words, verb);
  if (verb === -1 || !isPassive(words, verb)) return null;
  const who = nextPerson(words, i, people);
  if (who === -1) return null;
  // "The wrong certificate was installed by the on-call": the passive's subject is loaded (not a repair: "was fixed by").
  const loadedSubject = REMEDY_VERBS.has(words[verb]!.lower) ? -1 : hasAny(words.slice(0, previousWord(words, verb)), LOADED);
  if (loadedSubject !== -1 && !isNarrator(words[who])) return span('blame/person-as-cause', words[loadedSubject]!, words[who]!);
  // "…by Sam without a review": the passive act is loaded.
  const loaded = hasAny(words, LOADED, who) !== -1 ? hasAny(words, LOADED, who) : skippedSafeguard(words, who);
  if (loaded !== -1) return span('blame/person-as-cause', words[who]!, words[loaded]!);
  for (let j = nextWord(words, who); j !== -1; j = nextWord(words, j)) {
    if (words[j]!.lower !== 'and') continue;
    const verb = nextWord(words, j);
    // "and the errors stopped": a new subject, not the passive one.
    if (verb === -1 || ADJECTIVE_POSITION.has(words[verb]!.lower)) return null;
    if (isPersonAt(words, verb, people)) continue;
    const end = damageAt(words, verb);
    if ((end !== -1 && !isResponseAct(words, verb, end)) || OUTCOME_VERBS.has(words[verb]!.lower))
      return span('blame/person-as-cause', words[who]!, words[end === -1 ? verb : end]!);
  }
  return null;
}

/** A person acts, and the clause loads the act: "merged an unreviewed migration", "pushed to main once again". */
function loadedAction(words: readonly Token[], people: People, purposeNext: boolean): Finding | null {
  for (const subject of actingPeople(words, people)) {
    const found = loadedActionOf(words, subject, purposeNext);
    if (found) return found;
  }
  return null;
}

const LINKS = new Set(['when', 'once', 'after', 'because', 'as', 'while', 'until', 'before', 'then', 'and']);

/**
 * The people who act in a clause: the leading one, and one right after a
 * link word ("…stopped reporting once Fleur pushed her untested firmware").
 */
function actingPeople(words: readonly Token[], people: People): number[] {
  const found: number[] = [];
  const leading = leadingPerson(words, people);
  if (leading !== -1) found.push(leading);
  for (let i = 0; i < words.length; i++) {
    if (!LINKS.has(words[i]!.lower)) continue;
    const who = nextWord(words, i);
    if (who !== -1 && who !== leading && isPersonAt(words, who, people) && !isNarrator(words[who]) && !words[who]!.lower.endsWith("'s")) found.push(who);
  }
  return found;
}

/** The loaded marker on the act of the person at `subject`, or null. */
function loadedActionOf(words: readonly Token[], subject: number, purposeNext: boolean): Finding | null {
  // "Great job, Kim, customers can log in again": a person addressed between commas is no subject.
  if (words[subject - 1]?.text === ',' && words[subject + 1]?.text === ',') return null;
  // "no one did anything wrong": nobody acted (what nobody did is the counterfactual rule's).
  if (isNobodyAt(words, subject)) return null;
  const after = nextWord(words, subject);
  // "Bilal got the cluster into a crash loop": "got" before a determiner is causative, not a passive.
  const causative = ['got', 'get'].includes(words[after]?.lower ?? '') && ADJECTIVE_POSITION.has(words[nextWord(words, after)]?.lower ?? '');
  if (after === -1 || (BE.has(words[after]!.lower) && !causative && !perfectActive(words, after) && !learnerPast(words, after))) return null;
  // "Boris rotated the wrong certificate": a repair done on the wrong thing; other remedies are the response.
  if (REMEDY_VERBS.has(words[after]!.lower)) return PERCEIVING.has(words[after]!.lower) ? null : wrongTarget(words, subject, after);
  // "Engineers should think twice before…": a duty ahead, not an act; "asked for the suite to run again": a request.
  if (DUTY_MODALS.has(words[after]!.lower) || REQUEST_VERBS.has(words[after]!.lower)) return null;
  if (words[after]!.lower === 'rolled' && words[nextWord(words, after)]?.lower === 'back') return null;
  // "took the faulty node out of rotation", "restarted the primary during peak hours to restore writes": the response.
  const act = damageAt(words, after);
  if (isResponseAct(words, after, act === -1 ? after : act)) return null;
  const fix = words.some((w) => FIX_NOUNS.has(w.lower));
  // "While the app was under peak load, Beatriz decided to rebuild…": a risky time anywhere in the clause.
  const risky = fix ? -1 : hasAny(words, RISKY);
  const listed = risky !== -1 ? risky : (matchPhrase(words, fix ? SAFEGUARDS : LOADED, after, (at) => !resumedAgain(words, at))?.[0] ?? -1);
  // "Once again the analytics team filled the disk": a record of repeats before the subject.
  const repeated = fix ? null : matchPhrase(words, REPEATS, 0, (at) => at < subject);
  const skipped =
    [
      skippedSafeguard(words, after),
      disabledSafeguard(words, after, purposeNext),
      misplacedTestThing(words, after),
      leftInState(words, after),
      turnedIntoFailure(words, after),
    ].find((k) => k !== -1) ?? -1;
  const marker =
    listed !== -1
      ? listed
      : repeated
        ? repeated[0]
        : skipped !== -1
          ? skipped
          : untestedObject(words, after) !== -1
            ? untestedObject(words, after)
            : exposedSecret(words, after);
  if (marker === -1) return null;
  // "worked on the live system with a company engineer present", "…after review": a safeguard was there.
  if (guardedAct(words, after)) return null;
  // "with no unauthorized actions taken", "not untested": the marker is denied.
  if (marker === listed && ['no', 'not', 'never'].includes(words[previousWord(words, marker)]?.lower ?? '')) return null;
  // "using her own account": acting as oneself is no loaded act ("approved her own pull request" is).
  const own = nextWord(words, marker);
  if (marker === listed && words[own]?.lower === 'own' && OWN_IDENTITY.has(words[nextWord(words, own)]?.lower ?? '')) return null;
  // "she'd have caught the wrong port", "Kim found the faulty switch": the loaded word is what a responder saw.
  // "Lee worked around the broken runbook step": going around a defect is the response too.
  for (let j = previousWord(words, marker), n = 0; j > subject && n < 3; j = previousWord(words, j), n++)
    if (REMEDY_VERBS.has(words[j]!.lower) || REMEDY_GERUNDS.has(words[j]!.lower) || (words[j]!.lower === 'around' && n > 0)) return null;
  return span('blame/person-as-cause', words[Math.min(subject, marker)]!, words[Math.max(subject, marker)]!);
}

/**
 * A person's work, loaded: "Gwen's unannounced DNS change", "Bruno's change
 * was reckless and unreviewed" (the marker within six words of the
 * possessive; a fix is judged by skipped safeguards only).
 */
function loadedWork(words: readonly Token[], people: People): Finding | null {
  const owner = words.findIndex((w, i) => w.lower.endsWith("'s") && isPersonAt(words, i, people) && !isNarrator(w));
  if (owner === -1 || isBelonging(words, owner)) return null;
  const fix = words.some((w) => FIX_NOUNS.has(w.lower));
  const hit = matchPhrase(words, fix ? SAFEGUARDS : LOADED, owner);
  return hit && words.slice(owner, hit[0]).filter((w) => w.kind === 'word').length <= 6 ? span('blame/person-as-cause', words[owner]!, words[hit[1]]!) : null;
}

/** "Hana kept deleting rows", "started wiping the tenant": a damaging gerund as the object of the person's verb. */
function gerundAct(words: readonly Token[], people: People): Finding | null {
  const subject = leadingPerson(words, people);
  const verb = subject === -1 ? -1 : nextWord(words, subject);
  const gerund = verb === -1 ? -1 : nextWord(words, verb);
  if (gerund === -1 || REFRAINING_VERBS.has(words[verb]!.lower) || BE.has(words[verb]!.lower) || REMEDY_VERBS.has(words[verb]!.lower)) return null;
  return participleAt(words, gerund) && !isResponseAct(words, gerund, gerund) ? span('blame/person-as-cause', words[subject]!, words[gerund]!) : null;
}

/** Openers of a fronted phrase before the subject: "While the app was under load, Beatriz…". */
const FRONTED = new Set([
  'while',
  'during',
  'after',
  'before',
  'at',
  'on',
  'once',
  'with',
  'in',
  'despite',
  'although',
  'though',
  'as',
  'when',
  'sadly',
  'unfortunately',
]);

/** A person within the first five words of a clause (after a fronted phrase and its comma), not possessive. */
function leadingPerson(words: readonly Token[], people: People): number {
  let start = 0;
  if (FRONTED.has(words[nextWord(words, -1)]?.lower ?? '')) {
    const comma = words.findIndex((w, k) => w.text === ',' && k < 24);
    if (comma !== -1) start = comma + 1;
  }
  for (let i = start, n = 0; i < words.length && n < 5; i++) {
    if (words[i]!.kind !== 'word') continue;
    n++;
    if (!isPersonAt(words, i, people)) continue;
    // "The QA lead asked…": a team before a role is one compound person, whose verb follows the role.
    const role = nextWord(words, i);
    // "Ingrid's team decided…": a person's team is the subject too.
    const at = role !== -1 && isPersonAt(words, role, people) && !words[role]!.lower.endsWith("'s") ? role : i;
    return words[at]!.lower.endsWith("'s") || isNarrator(words[at]) ? -1 : at;
  }
  return -1;
}

/**
 * A damaging consequence hung on a person's act: ", filling the disks",
 * "…, which caused a thundering herd", "a route change that blackholed traffic".
 */
function consequence(words: readonly Token[], people: People): Finding[] | null {
  const subject = leadingPerson(words, people);
  // "Nobody was hurt and no data was lost": a person who did not act.
  if (subject === -1 || ['nobody', 'no', 'none'].includes(words[subject]!.lower)) return null;
  const act = nextWord(words, subject);
  if (act !== -1 && (REMEDY_VERBS.has(words[act]!.lower) || isFailover(words, act) || rolledBack(words, act))) return null;
  // "Amara forgot to update the label template, so the loaves went out unlabelled": an omission with its result stated.
  if (act !== -1 && OMITTING.has(words[act]!.lower) && words[nextWord(words, act)]?.lower === 'to' && resultFollows(words, act))
    return [span('blame/person-as-cause', words[subject]!, words[act]!)];
  for (let i = subject + 1; i < words.length; i++) {
    const next = nextWord(words, i);
    if (next === -1) break;
    const participle = words[i]!.text === ',' && participleAt(words, next);
    const relative = (words[i]!.lower === 'which' || words[i]!.lower === 'that') && damageAt(words, next) !== -1;
    if (participle || relative || outcomeClause(words, i, next)) return [span('blame/person-as-cause', words[subject]!, words[next]!)];
  }
  return null;
}

const OMITTING = new Set(['forgot', 'neglected', 'failed', 'omitted']);

/** ", so …" (not "so that", "so as to"), ", which is why …", ", which meant …", ", meaning …": a result clause after `from`. */
function resultFollows(words: readonly Token[], from: number): boolean {
  for (let i = from + 1; i < words.length; i++) {
    if (words[i]!.text !== ',') continue;
    const link = nextWord(words, i);
    const lower = words[link]?.lower ?? '';
    const after = words[nextWord(words, link)]?.lower ?? '';
    if (lower === 'so' && after !== 'that' && after !== 'as') return true;
    if (
      lower === 'meaning' ||
      (lower === 'which' && (after === 'meant' || (['is', 'was'].includes(after) && words[nextWord(words, nextWord(words, link))]?.lower === 'why')))
    )
      return true;
  }
  return false;
}

/** ", so the app broke", "and we lost 2,000 events": a later clause whose verb is a bad outcome. */
function outcomeClause(words: readonly Token[], i: number, next: number): boolean {
  if (words[i]!.lower !== 'so' && words[i]!.lower !== 'and') return false;
  for (let j = next, n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++)
    // "…and re-queued the failed reels": after a determiner the word describes a thing, it is not the clause's verb.
    if (OUTCOME_VERBS.has(words[j]!.lower) && !isFailover(words, j) && !DETERMINERS.has(words[previousWord(words, j)]?.lower ?? '')) return true;
  return false;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'those', 'these', 'every', 'each', 'all', 'any']);

/** "rolled the renderer back to 3.9": a rollback, within five words of "rolled". */
function rolledBack(words: readonly Token[], act: number): boolean {
  if (words[act]!.lower !== 'rolled') return false;
  for (let j = nextWord(words, act), n = 0; j !== -1 && n < 5; j = nextWord(words, j), n++) if (words[j]!.lower === 'back') return true;
  return false;
}

/** "failed over" is the mitigation, not a failure. */
function isFailover(words: readonly Token[], i: number): boolean {
  return words[i]!.lower === 'failed' && words[nextWord(words, i)]?.lower === 'over';
}
