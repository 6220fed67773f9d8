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
import { nextWord } from './windows.js';
import { type Token } from './tokens.js';
import {
  DELIBERATE_PURPOSES,
  DISPOSABLE_THINGS,
  DISPOSING_VERBS,
  MITIGATION_PURPOSES,
  PRECAUTIONS,
  RECORDED_THINGS,
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
  if (DISPOSING_VERBS.has(lower) && disposesOfBadThing(words, end)) return true;
  return mitigationPurpose(words, end, end === verb);
}

/** "broke the incident into three workstreams", "broke the migration up": dividing, not damaging. */
function splitSense(words: readonly Token[], verb: number): boolean {
  for (let j = nextWord(words, verb), n = 0; j !== -1 && n < 6; j = nextWord(words, j), n++) {
    if (SPLIT_PARTICLES.has(words[j]!.lower)) return true;
    if (PHRASE_ENDS.has(words[j]!.lower)) return false;
  }
  return false;
}

/** "wiped the compromised laptop", "deleted the duplicate listings": the object was already bad or disposable. */
function disposesOfBadThing(words: readonly Token[], end: number): boolean {
  for (let j = nextWord(words, end), n = 0; j !== -1 && n < 3; j = nextWord(words, j), n++) {
    if (DISPOSABLE_THINGS.has(words[j]!.lower)) return true;
    if (PHRASE_ENDS.has(words[j]!.lower)) return false;
  }
  return false;
}

/** "killed the stale process", "killed the runaway queries": the object is a unit of work, not a service or data. */
function killsUnitOfWork(words: readonly Token[], verb: number): boolean {
  for (let j = nextWord(words, verb), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) {
    if (WORK_UNITS.has(words[j]!.lower)) return true;
    if (PHRASE_ENDS.has(words[j]!.lower)) return false;
  }
  return false;
}

/**
 * "… to stop the outage", "… to restore service": a purpose clause that names
 * mitigation; "… for editing", "… for maintenance", "… after confirming
 * the backfill": a deliberate act.
 */
function mitigationPurpose(words: readonly Token[], end: number, bareVerb: boolean): boolean {
  for (let j = nextWord(words, end), n = 0; j !== -1 && n < 8; j = nextWord(words, j), n++) {
    const purpose = nextWord(words, j);
    if (words[j]!.lower === 'for' && purpose !== -1 && DELIBERATE_PURPOSES.has(words[purpose]!.lower)) return true;
    // "… after confirming the backfill": a precaution taken first makes the act deliberate.
    if ((words[j]!.lower === 'after' || words[j]!.lower === 'once') && purpose !== -1 && PRECAUTIONS.has(words[purpose]!.lower)) return true;
    // "decided to rebuild", "chose to drop": an infinitive right after a bare verb is what was done, not what it was for ("took it offline to upgrade" is a purpose).
    if (words[j]!.lower !== 'to' || (bareVerb && j === nextWord(words, end))) continue;
    // "… to reflash them", "… to reindex": a re- verb is maintenance.
    return purpose !== -1 && (MITIGATION_PURPOSES.has(words[purpose]!.lower) || /^re-?[a-z]{4,}$/.test(words[purpose]!.lower));
  }
  return false;
}
