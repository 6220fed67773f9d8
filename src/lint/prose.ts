/**
 * Lints one piece of prose (a YAML field, a Markdown paragraph) and returns
 * findings as offsets into that text. Two passes: a cheap one that keeps
 * only sentences containing a trigger word, then the grammatical rules on
 * those few sentences. Most sentences of a post-mortem never reach pass two.
 *
 * @example
 * lintProse('Kim took down the API.', { people: createPeople(['kim']) })
 * // [{ ruleId: 'blame/person-as-cause', start: 0, end: 13 }]
 */
import type { People } from './people.js';
import { checkCounterfactual } from './counterfactual-rules.js';
import type { Finding } from './finding.js';
import { checkPersonAsCause } from './person-rules.js';
import { checkHindsight, checkHumanError, checkJudgement, checkPunitive, checkVagueAction } from './phrase-rules.js';
import { splitClauses, splitSentences, tokenize, type Span } from './tokens.js';
import {
  DAMAGE_PARTICIPLES, DAMAGE_VERBS, HINDSIGHT_PHRASES, HUMAN_ERROR_PHRASES, JUDGEMENT_WORDS, LOADED_MARKERS, MINIMISERS, MODAL_CONTRACTIONS,
  MODALS, OMISSION_VERBS, PUNITIVE_PASSIVE, PUNITIVE_PHRASES, VAGUE_ACTION_PHRASES, VAGUE_IMPERATIVES,
} from './vocabulary.js';

export type { Finding } from './finding.js';

/** A team-specific phrase from the configuration. */
export interface ExtraPhrase {
  phrase: string;
  rule: string;
}

export interface ProseOptions {
  people: People;
  /** Phrases never flagged (case-insensitive); a finding overlapping one is dropped. */
  allow?: readonly string[];
  extra?: readonly ExtraPhrase[];
}

/**
 * The cheap pass: every rule needs at least one of these words in a
 * sentence. For a phrase the trigger is its rarest-looking word (the longest
 * one that is not a function word), so that "in hindsight" is looked for as
 * "hindsight", not as "in".
 */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'be', 'was', 'were', 'is', 'it', 'as', 'all', 'had', 'do', 'they', 'he', 'she', 'we', 'you', 'for', 'from', 'more']);

function rarestWord(phrase: readonly string[]): string {
  const candidates = phrase.filter((w) => !FUNCTION_WORDS.has(w));
  return (candidates.length > 0 ? candidates : phrase).reduce((best, w) => (w.length > best.length ? w : best));
}

const TRIGGERS = new Set<string>([
  ...DAMAGE_VERBS.flatMap((entry) => entry.verb), ...OMISSION_VERBS, ...MODALS, ...MODAL_CONTRACTIONS, ...PUNITIVE_PASSIVE, ...MINIMISERS,
  ...VAGUE_IMPERATIVES, ...DAMAGE_PARTICIPLES,
  ...[HUMAN_ERROR_PHRASES, JUDGEMENT_WORDS.map((e) => e.word), PUNITIVE_PHRASES, HINDSIGHT_PHRASES, VAGUE_ACTION_PHRASES, LOADED_MARKERS].flat().map(rarestWord),
  // Counterfactual and person-as-cause constructions (person-rules.ts).
  'never', "didn't", 'not', "don't", "doesn't", "hadn't", 'if', 'had', 'missed', 'skipped', 'overlooked', 'ignores', 'supposed', 'every', 'ample', 'plenty',
  'took', 'thought', 'nobody', 'no', 'thanks', 'responsible', 'fault', 'blame', 'who', 'cause', 'started', 'began', 'happened', 'occurred',
  'result', 'traces', 'traced', 'stems', 'stemmed',
  'triggered', 'caused', 'made', 'introduced', 'broken', 'done', 'accountable', "shouldn't", "couldn't", 'bother', 'bothered', 'bothering', 'bothers',
  // Hindsight constructions (phrase-rules.ts).
  'naturally', 'anyone', 'anybody',
]);

const CHECKS = [checkHumanError, checkJudgement, checkPunitive, checkHindsight, checkVagueAction] as const;

/** Does any word of the sentence start a phrase some rule knows? (the cheap pass) */
export function mightBlame(sentence: Span): boolean {
  for (const word of sentence.words) {
    if (TRIGGERS.has(word.lower)) return true;
  }
  return false;
}

/** Findings in `text`, offsets relative to it, sorted by position. */
export function lintProse(text: string, options: ProseOptions): Finding[] {
  const findings: Finding[] = [];
  const sentences = splitSentences(tokenize(text));
  for (const sentence of sentences) {
    if (!mightBlame(sentence)) continue;
    const clauses = splitClauses(sentence);
    findings.push(...checkPersonAsCause(clauses, sentence, options.people));
    findings.push(...checkCounterfactual(clauses, sentence, options.people));
    for (const check of CHECKS) findings.push(...check(sentence, options.people));
  }
  if (options.extra?.length) findings.push(...findExtraPhrases(text, options.extra));
  const allowed = options.allow?.length ? allowedRanges(text, options.allow) : [];
  return findings
    .filter((f) => !allowed.some(([start, end]) => f.start < end && start < f.end))
    .sort((a, b) => a.start - b.start || (a.ruleId < b.ruleId ? -1 : 1));
}

function phraseRegExp(phrase: string): RegExp {
  const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}

function findExtraPhrases(text: string, extra: readonly ExtraPhrase[]): Finding[] {
  const findings: Finding[] = [];
  for (const entry of extra) {
    for (const match of text.matchAll(phraseRegExp(entry.phrase))) {
      findings.push({ ruleId: entry.rule, start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}

function allowedRanges(text: string, allow: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const phrase of allow) {
    for (const match of text.matchAll(phraseRegExp(phrase))) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
