/**
 * A sentence that clears people: "operator error was not a factor", "the
 * trainee was not to blame", "Kim had nothing to do with it". The rules
 * that name a person or a human error as the cause look for the blaming
 * words ("error", "blame") and would read these as blame; the runner drops
 * a finding that starts before the clearing words in the same clause.
 * Whatever comes after them ("…not to blame, but Kim broke…") still counts.
 *
 * @example
 * clearingAt(tokenize('Pilot error was not a factor.').words) // 12, the offset of "not a factor"
 */
import { type Token } from './tokens.js';
import { createPhraseIndex, matchPhrase } from './windows.js';
import { EXONERATIONS } from '../vocabulary/generated.js';

const CLEARING = createPhraseIndex(EXONERATIONS);
/** Marks that end a clause: what stands before one is not what the clearing words speak of. */
const CLAUSE_ENDS = new Set([';', ':', '—', '–']);

/** The start offset of the clearing words, or -1. */
export function clearingAt(words: readonly Token[]): number {
  const hit = matchPhrase(words, CLEARING);
  return hit === null ? -1 : words[hit[0]]!.start;
}

/** Is a finding starting at `start` cleared by clearing words at `clearing` (same clause, before them)? */
export function isCleared(words: readonly Token[], start: number, clearing: number): boolean {
  return clearing !== -1 && start < clearing && !words.some((w) => w.start >= start && w.start < clearing && CLAUSE_ENDS.has(w.text));
}
