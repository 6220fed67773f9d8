/**
 * The cheap pass. Every rule needs at least one of its trigger words in a
 * sentence; a sentence gets the grammatical look only from the rules whose
 * triggers it contains, and a text without any trigger is not even
 * tokenized. The words come from the vocabulary data (`TRIGGERS` is
 * generated from the lists marked `trigger:`), so a word a rule keys on
 * cannot be missing here.
 *
 * @example
 * checksFor(['the', 'reviewer', 'ought', 'to', 'have']) & CHECK.counterfactual // non-zero
 */
import { CHECK_NAMES, type CheckName } from './checks.js';
import { TRIGGERS } from './generated.js';

/** One bit per check, in the order prose.ts runs them. */
export const CHECK = Object.fromEntries(CHECK_NAMES.map((name, bit) => [name, 1 << bit])) as Readonly<Record<CheckName, number>>;

const MASKS = new Map<string, number>();
for (const name of CHECK_NAMES) for (const word of TRIGGERS[name]) MASKS.set(word, (MASKS.get(word) ?? 0) | CHECK[name]);

/** The checks that a sentence with these (lower-case) words needs; 0 means none. */
export function checksFor(words: Iterable<string>): number {
  let mask = 0;
  for (const word of words) mask |= MASKS.get(word) ?? 0;
  return mask;
}

/*
 * Matched against the lowered text (as the tokenizer lowers words) rather than with the `i` flag: a
 * case-insensitive Unicode expression of every trigger took about 15 ms to compile at its first use,
 * a third of linting one file; this one takes 3 ms.
 */
const ANY_TRIGGER = new RegExp(
  `(?<![\\p{L}\\p{N}'\u2019-])(?:${[...MASKS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/'/g, "['\u2019]"))
    .join('|')})(?![\\p{L}\\p{N}'\u2019-])`,
  'u',
);

/** Whether a text holds any trigger word anywhere, in any case (both apostrophes accepted). */
export function hasTrigger(text: string): boolean {
  return ANY_TRIGGER.test(text.toLowerCase());
}
