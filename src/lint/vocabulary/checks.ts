/**
 * The names of the checks the cheap pass can send a sentence to, in the
 * order prose.ts runs them. A vocabulary list marked `trigger: <name>` adds
 * its words to that check's triggers.
 *
 * @example
 * CHECK_NAMES.includes('hindsight') // true
 */
export const CHECK_NAMES = ['personAsCause', 'counterfactual', 'humanError', 'judgement', 'punitive', 'hindsight', 'vagueAction'] as const;

/** One of {@link CHECK_NAMES}. */
export type CheckName = (typeof CHECK_NAMES)[number];
