/**
 * The damage verbs of `blame/person-as-cause` ("took … down", "wiped",
 * "deleted") and their participles (", filling the disks"): where one is in
 * a sentence, so the rule and its source framings (sarcasm, passives) read
 * damage the same way.
 *
 * @example
 * damageAt(tokenize('Kim took the API down'), 2) // index of "down"
 */
import { nextWord, previousWord } from '../grammar/windows.js';
import type { Token } from '../grammar/tokens.js';
import { DAMAGE_PARTICIPLES, DAMAGE_VERBS } from '../vocabulary/generated.js';

const DAMAGE_INDEX = new Map<string, readonly string[] | undefined>();
for (const entry of DAMAGE_VERBS) for (const verb of entry.verb) DAMAGE_INDEX.set(verb, entry.then);
const PARTICIPLE_INDEX = new Map<string, readonly string[] | undefined>();
for (const entry of DAMAGE_PARTICIPLES) for (const verb of entry.verb) PARTICIPLE_INDEX.set(verb, entry.then);

/** ", filling the disks", ", taking the API down": a damaging participle (with its particle when it needs one). */
export function participleAt(words: readonly Token[], i: number): boolean {
  const lower = words[i]!.lower;
  if (!PARTICIPLE_INDEX.has(lower)) return false;
  const then = PARTICIPLE_INDEX.get(lower);
  if (!then) return true;
  for (let j = nextWord(words, i), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) if (then.includes(words[j]!.lower)) return true;
  return false;
}

/** Words after which a participle is an adjective ("the leaked key"), and which open a new noun phrase. */
export const ADJECTIVE_POSITION = new Set(['the', 'a', 'an', 'its', 'our', 'their', 'his', 'her', 'my', 'your']);

/** Index just past a damage verb (with its particle) at `i`, or -1. */
export function damageAt(words: readonly Token[], i: number): number {
  const lower = words[i]!.lower;
  if (!DAMAGE_INDEX.has(lower)) return -1;
  // "the leaked key", "a broken build": a participle used as an adjective.
  if (ADJECTIVE_POSITION.has(words[previousWord(words, i)]?.lower ?? '')) return -1;
  const then = DAMAGE_INDEX.get(lower);
  if (!then) return i;
  for (let j = nextWord(words, i), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) if (then.includes(words[j]!.lower)) return j;
  return -1;
}
