/**
 * Tells a responder's act from damage when the verb alone would read as a
 * failure: "Kim killed the runaway query to stop the outage" (a purpose of
 * mitigation), "Alex broke the incident into three workstreams" (split, not
 * damage), "Kim killed the stale process" (ending a unit of work is how a
 * process is stopped), "Ayesha took the node out of rotation" (out of
 * service, not down), "Marta wiped the compromised laptop" (the thing was
 * already bad). The damage verbs of `blame/person-as-cause` ask here
 * before they blame the person who is their subject.
 *
 * @example
 * isResponseAct(tokenize('Kim killed the query to stop the outage'), 2, 2) // true
 */
import { nextWord, previousWord } from './windows.js';
import { type Token } from './tokens.js';
import {
  DELIBERATE_PURPOSES,
  DISPOSABLE_THINGS,
  DISPOSING_VERBS,
  MITIGATION_PURPOSES,
  PRECAUTIONS,
  RECORDED_THINGS,
  RECOVERY_WORDS,
  RELIEVING_RESULTS,
  REPAIR_VERBS,
  SAFEGUARD_NOUNS,
  SECURED_STATES,
  SPLIT_PARTICLES,
  WORK_UNITS,
} from '../vocabulary/generated.js';

const BREAK = new Set(['broke', 'break', 'breaks']);
const KILL = new Set(['killed', 'kill', 'kills']);
/** Words that end the object noun phrase of a verb. */
const PHRASE_ENDS = new Set([
  'and',
  'but',
  'so',
  'because',
  'which',
  'that',
  'while',
  'after',
  'before',
  'when',
  'in',
  'on',
  'at',
  'during',
  'with',
  'by',
  'for',
]);

/** Is the damage verb at `verb` (its particle ends at `end`) a responder's act rather than a failure? */
export function isResponseAct(words: readonly Token[], verb: number, end: number): boolean {
  const lower = words[verb]!.lower;
  if (BREAK.has(lower) && splitSense(words, verb)) return true;
  if (KILL.has(lower) && killsUnitOfWork(words, verb)) return true;
  // "took the node out of rotation", "knocked it out of the pool": taking a unit out of service, not down.
  if (words[end]!.lower === 'out' && words[nextWord(words, end)]?.lower === 'of') return true;
  // "took down notes": writing, not damage.
  if (words[end]!.lower === 'down' && [nextWord(words, end), nextWord(words, nextWord(words, end))].some((j) => RECORDED_THINGS.has(words[j]?.lower ?? '')))
    return true;
  if (DISPOSING_VERBS.has(lower) && (disposesOfBadThing(words, end) || repairedAfter(words, end))) return true;
  return mitigationPurpose(words, end, end === verb);
}

/** "…and re-uploaded the signed one", "…and then restored it from the backup": the removal is followed by the repair. */
function repairedAfter(words: readonly Token[], end: number): boolean {
  for (let j = nextWord(words, end), n = 0; j !== -1 && n < 10; j = nextWord(words, j), n++) {
    if (words[j]!.lower !== 'and') continue;
    let verb = nextWord(words, j);
    if (words[verb]?.lower === 'then') verb = nextWord(words, verb);
    return verb !== -1 && REPAIR_VERBS.has(words[verb]!.lower);
  }
  return false;
}

/**
 * "The stale berth plans were purged by Bao": in the passive the removed
 * thing is the subject, so its qualifier stands before the auxiliary at `aux`.
 */
export function isPassiveCleanup(words: readonly Token[], aux: number, verb: number): boolean {
  return DISPOSING_VERBS.has(words[verb]!.lower) && inPhrase(words, aux, previousWord, 4, DISPOSABLE_THINGS);
}

/** Is a word of `wanted` within `limit` words from `from` (stepping with `step`), before the noun phrase ends? */
function inPhrase(words: readonly Token[], from: number, step: typeof nextWord, limit: number, wanted: ReadonlySet<string>): boolean {
  for (let j = step(words, from), n = 0; j !== -1 && n < limit; j = step(words, j), n++) {
    if (wanted.has(words[j]!.lower)) return true;
    if (PHRASE_ENDS.has(words[j]!.lower)) return false;
  }
  return false;
}

/** "after the data was migrated": a secured state within five words after `link`. */
function securedFirst(words: readonly Token[], link: number): boolean {
  for (let k = nextWord(words, link), m = 0; k !== -1 && m < 5; k = nextWord(words, k), m++) {
    if (SECURED_STATES.has(words[k]!.lower)) return true;
    // "after a dry run", "after review", "once the backup finished": a safeguard came first.
    if (m < 3 && SAFEGUARD_NOUNS.has(words[k]!.lower)) return true;
  }
  return false;
}

/**
 * "…so customers would see the corrected prices", "…so the on-call could
 * focus": a purpose of "so" whose subject is someone the act serves; one of
 * the actor's own ("so her load test would pass") is not a response. The
 * clause that opens with "so" starts at `so`.
 */
export function servingPurpose(words: readonly Token[], so: number): boolean {
  if (words[so]?.lower !== 'so') return false;
  let subject = nextWord(words, so);
  if (words[subject]?.lower === 'that') subject = nextWord(words, subject);
  if (subject === -1 || OWN.has(words[subject]!.lower)) return false;
  for (let j = subject, n = 0; j !== -1 && n < 6; j = nextWord(words, j), n++)
    if (['would', 'could', 'can', 'might', 'will'].includes(words[j]!.lower)) return true;
  return false;
}

/**
 * ", which cleared the phantom availability", "and that fixed the queue": a
 * result clause that relieves the incident, so the act before it was the
 * response. The clause opens at `at` ("which", or "and" / "that").
 */
export function relievingResult(words: readonly Token[], at: number): boolean {
  let j = at;
  if (words[j]?.lower === 'and') j = nextWord(words, j);
  if (!['which', 'that', 'this'].includes(words[j]?.lower ?? '')) return false;
  for (let k = nextWord(words, j), n = 0; k !== -1 && n < 2; k = nextWord(words, k), n++) if (RELIEVING_RESULTS.has(words[k]!.lower)) return true;
  return false;
}

/** Words that make a recovery named after them not (yet) one: "never recovered", "until it recovered". */
const UNRECOVERED = new Set(['not', 'never', "didn't", "hasn't", "hadn't", "wasn't", 'until', 'before', 'till', 'without', 'no']);

/**
 * "…and spend dropped back to baseline", "…; relevance recovered within ten
 * minutes": a sentence that ends in the recovery its act brought narrates the
 * response, not a failure. A negated or awaited recovery ("never recovered",
 * "until the queue cleared") does not count.
 */
export function recoveryFollows(words: readonly Token[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!.lower;
    if (!RECOVERY_WORDS.has(w)) continue;
    // "back to baseline", "returned to normal": only as the level something came back to.
    if ((w === 'baseline' || w === 'normal') && words[previousWord(words, k)]?.lower !== 'to') continue;
    let negated = false;
    for (let j = previousWord(words, k), n = 0; j !== -1 && n < 4; j = previousWord(words, j), n++) if (UNRECOVERED.has(words[j]!.lower)) negated = true;
    if (!negated) return true;
  }
  return false;
}

const OWN = new Set(['she', 'he', 'they', 'her', 'his', 'their', 'i', 'my', 'we', 'our']);

/** "broke the incident into three workstreams", "broke the migration up": dividing, not damaging. */
function splitSense(words: readonly Token[], verb: number): boolean {
  return inPhrase(words, verb, nextWord, 6, SPLIT_PARTICLES);
}

/** "wiped the compromised laptop", "deleted the duplicate listings": the object was already bad or disposable. */
function disposesOfBadThing(words: readonly Token[], end: number): boolean {
  return inPhrase(words, end, nextWord, 3, DISPOSABLE_THINGS);
}

/** "killed the stale process", "killed the runaway queries": the object is a unit of work, not a service or data. */
function killsUnitOfWork(words: readonly Token[], verb: number): boolean {
  return inPhrase(words, verb, nextWord, 4, WORK_UNITS);
}

/**
 * "… to stop the outage", "… to restore service": a purpose clause that names
 * mitigation; "… for editing", "… for maintenance", "… after confirming
 * the backfill": a deliberate act.
 */
function mitigationPurpose(words: readonly Token[], end: number, bareVerb: boolean): boolean {
  // Twelve words: "restarted the payment service at 14:00, during peak, to release the stuck connections".
  for (let j = nextWord(words, end), n = 0; j !== -1 && n < 12; j = nextWord(words, j), n++) {
    const purpose = nextWord(words, j);
    if (words[j]!.lower === 'for' && purpose !== -1 && DELIBERATE_PURPOSES.has(words[purpose]!.lower)) return true;
    // "… after confirming the backfill": a precaution taken first makes the act deliberate.
    if ((words[j]!.lower === 'after' || words[j]!.lower === 'once') && purpose !== -1 && PRECAUTIONS.has(words[purpose]!.lower)) return true;
    // "… after the data was migrated", "… after a dry run on staging": what had to be safe first was.
    if ((words[j]!.lower === 'after' || words[j]!.lower === 'once') && securedFirst(words, j)) return true;
    // "decided to rebuild", "chose to drop": an infinitive right after a bare verb is what was done, not what it was for ("took it offline to upgrade" is a purpose).
    if (words[j]!.lower !== 'to' || (bareVerb && j === nextWord(words, end))) continue;
    // "… to reflash them", "… to reindex": a re- verb is maintenance.
    return purpose !== -1 && (MITIGATION_PURPOSES.has(words[purpose]!.lower) || /^re-?[a-z]{4,}$/.test(words[purpose]!.lower));
  }
  return false;
}
