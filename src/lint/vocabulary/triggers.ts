/**
 * The cheap pass. Every rule needs at least one of its trigger words in a
 * sentence; a sentence gets the grammatical look only from the rules whose
 * triggers it contains, and a text without any trigger is not even
 * tokenized. For a phrase the trigger is its rarest-looking word (the
 * longest one that is not a function word): "in hindsight" is looked for as
 * "hindsight", not as "in".
 *
 * @example
 * checksFor(['the', 'reviewer', 'ought', 'to', 'have']) & CHECK.counterfactual // non-zero
 */
import {
  DAMAGE_PARTICIPLES, DAMAGE_VERBS, HINDSIGHT_PHRASES, HUMAN_ERROR_PHRASES, JUDGEMENT_WORDS, LOADED_MARKERS, MINIMISERS, MODAL_CONTRACTIONS,
  MODALS, OMISSION_VERBS, PUNITIVE_PASSIVE, PUNITIVE_PHRASES, VAGUE_ACTION_PHRASES, VAGUE_IMPERATIVES,
} from './generated.js';

/** One bit per check, in the order prose.ts runs them. */
export const CHECK = { personAsCause: 1, counterfactual: 2, humanError: 4, judgement: 8, punitive: 16, hindsight: 32, vagueAction: 64 } as const;

const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'be', 'was', 'were', 'is', 'it', 'as', 'all', 'had', 'do', 'they', 'he', 'she', 'we', 'you', 'for', 'from', 'more']);

function rarestWord(phrase: readonly string[]): string {
  const candidates = phrase.filter((w) => !FUNCTION_WORDS.has(w));
  return (candidates.length > 0 ? candidates : phrase).reduce((best, w) => (w.length > best.length ? w : best));
}

const TRIGGERS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [CHECK.personAsCause, [
    ...DAMAGE_VERBS.flatMap((entry) => entry.verb), ...LOADED_MARKERS.map(rarestWord), ...DAMAGE_PARTICIPLES,
    'caused', 'triggered', 'made', 'introduced', 'broken', 'started', 'done', 'thanks', 'responsible', 'fault', 'blame', 'who', 'cause', 'mistake',
    'began', 'happened', 'occurred', 'result', 'traces', 'traced', 'stems', 'stemmed', 'crashed', 'lost', 'failed', 'collapsed', 'died', 'outage', 'downtime', 'failure', 'breach',
  ]],
  [CHECK.counterfactual, [
    ...MODALS, ...MODAL_CONTRACTIONS, ...OMISSION_VERBS, "shouldn't", "couldn't", 'missed', 'skipped', 'overlooked', 'ignores', 'supposed',
    'every', 'ample', 'plenty', 'took', 'thought', 'nobody', 'no', 'never', "didn't", "don't", "doesn't", "hadn't", 'not', 'if', 'had',
    'bother', 'bothered', 'bothering', 'bothers', 'ignored', 'dismissed', 'overlooked', 'bypassed', 'disregarded',
  ]],
  [CHECK.humanError, HUMAN_ERROR_PHRASES.map(rarestWord)],
  [CHECK.judgement, JUDGEMENT_WORDS.map((entry) => rarestWord(entry.word))],
  [CHECK.punitive, [...PUNITIVE_PASSIVE, ...PUNITIVE_PHRASES.map(rarestWord), 'hold', 'held', 'holding', 'accountable']],
  [CHECK.hindsight, [...HINDSIGHT_PHRASES.map(rarestWord), ...MINIMISERS, 'naturally', 'anyone', 'anybody', 'had']],
  [CHECK.vagueAction, [...VAGUE_ACTION_PHRASES.map(rarestWord), ...VAGUE_IMPERATIVES]],
];

const MASKS = new Map<string, number>();
for (const [bit, words] of TRIGGERS) for (const word of words) MASKS.set(word, (MASKS.get(word) ?? 0) | bit);

/** The checks that a sentence with these (lower-case) words needs; 0 means none. */
export function checksFor(words: Iterable<string>): number {
  let mask = 0;
  for (const word of words) mask |= MASKS.get(word) ?? 0;
  return mask;
}

/** Any trigger word anywhere in a text (both apostrophes accepted). */
export const ANY_TRIGGER = new RegExp(
  `(?<![\\p{L}\\p{N}'\u2019-])(?:${[...MASKS.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/'/g, "['\u2019]")).join('|')})(?![\\p{L}\\p{N}'\u2019-])`,
  'iu',
);
