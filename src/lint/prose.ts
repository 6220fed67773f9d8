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
import { createPeople, mayBePerson, type People } from './grammar/people.js';
import { checkCounterfactual } from './rules/counterfactual.js';
import type { Finding } from './rules/finding.js';
import { checkPersonAsCause } from './rules/person-as-cause.js';
import { checkHindsight } from './rules/hindsight.js';
import { checkHumanError } from './rules/human-error.js';
import { checkJudgement } from './rules/judgement.js';
import { checkPunitive } from './rules/punitive.js';
import { checkVagueAction } from './rules/vague-action.js';
import { splitClauses, splitSentences } from './grammar/sentences.js';
import { tokenize, type Span } from './grammar/tokens.js';
import { CHECK, checksFor, hasTrigger } from './vocabulary/triggers.js';
import type { BlameModel } from './model/classifier.js';
import { modelFindings } from './model/finding.js';
import { answeredBlame, isQuestion } from './rules/question-answer.js';
import { clearingAt, isCleared } from './grammar/exoneration.js';

export type { Finding } from './rules/finding.js';

/** A team-specific phrase from the configuration. */
export interface ExtraPhrase {
  phrase: string;
  rule: string;
}

export interface ProseOptions {
  /** The people named in the incident; none when left out (JavaScript callers may pass `{}`). */
  people?: People;
  /** Phrases never flagged (case-insensitive); a finding overlapping one is dropped. */
  allow?: readonly string[];
  extra?: readonly ExtraPhrase[];
  /** The blame model, for sentences no rule flagged; left out when `blame/model` is off. */
  model?: BlameModel;
}

const CHECKS = [
  [CHECK.humanError, checkHumanError],
  [CHECK.judgement, checkJudgement],
  [CHECK.punitive, checkPunitive],
  [CHECK.hindsight, checkHindsight],
  [CHECK.vagueAction, checkVagueAction],
] as const;

/** The rules that name a cause, which a clearing sentence ("no one did anything wrong") takes back. */
const CAUSE_RULES = new Set(['blame/person-as-cause', 'blame/human-error']);

/** Possessive determiners and object pronouns: "my fault", "it came down to him" blame without a word isPersonAt knows. */
const OWNERS = new Set(['my', 'our', 'his', 'her', 'their', 'him', 'them']);

/** Does any word of the sentence start a phrase some rule knows? (the cheap pass) */
export function mightBlame(sentence: Span): boolean {
  return checksFor(sentence.words.map((w) => w.lower)) !== 0;
}

/** Findings in `text`, offsets relative to it, sorted by position. */
export function lintProse(text: string, given: ProseOptions = {}): Finding[] {
  const options = { ...given, people: given.people ?? createPeople([]) };
  const findings: Finding[] = [];
  const model = options.model;
  // Without the model, a text with no trigger word is not even tokenized; the model reads every sentence.
  const sentences = model || hasTrigger(text) ? splitSentences(tokenize(text)) : [];
  for (const [index, sentence] of sentences.entries()) {
    // "Who wiped the bucket? Tenzin did.": the answer to a question about a harm, read with the question.
    const question = index > 0 && isQuestion(sentences[index - 1]!) ? sentences[index - 1]! : null;
    const answered = question ? answeredBlame(question, sentence, options.people) : null;
    if (answered) {
      findings.push(answered);
      continue;
    }
    const mask = checksFor(sentence.words.map((w) => w.lower));
    if (mask === 0) {
      if (model) findings.push(...modelFindings(sentence, options.people, model));
      continue;
    }
    const found: Finding[] = [];
    const clauses = mask & (CHECK.personAsCause | CHECK.counterfactual) ? splitClauses(sentence) : [];
    // Every framing of person-as-cause needs a person, or a possessive for "my fault": most sentences with a trigger word have neither.
    // "It was the agency temps who…": "who" makes the noun before it people, even one no list knows.
    const someone = sentence.words.some((w) => mayBePerson(w, options.people) || OWNERS.has(w.lower) || w.lower === 'who');
    if (mask & CHECK.personAsCause && someone) found.push(...checkPersonAsCause(clauses, sentence, options.people));
    if (mask & CHECK.counterfactual) found.push(...checkCounterfactual(clauses, sentence, options.people));
    for (const [bit, check] of CHECKS) if (mask & bit) found.push(...check(sentence, options.people));
    // "The contractor who deleted the archive was fired": the punishment is what the sentence says; the act is its reason, not a second finding.
    const punitive = found.some((f) => f.ruleId === 'blame/punitive');
    // "a mistake by the on-call, who typed the wrong code": "human error" already names the person as the cause; one finding says it.
    const humanError = found.some((f) => f.ruleId === 'blame/human-error');
    // "Pilot error was not a factor", "the trainee was not to blame": the sentence clears the person it names.
    const clearing = found.some((f) => CAUSE_RULES.has(f.ruleId)) ? clearingAt(sentence.words) : -1;
    const cleared = (f: Finding) => CAUSE_RULES.has(f.ruleId) && isCleared(sentence.words, f.start, clearing);
    const kept = found.filter(
      (f) =>
        !(punitive && (f.ruleId === 'blame/person-as-cause' || f.ruleId === 'blame/counterfactual')) &&
        !(humanError && f.ruleId === 'blame/person-as-cause') &&
        !cleared(f),
    );
    findings.push(...kept);
    if (kept.length === 0 && model && clearing === -1) findings.push(...modelFindings(sentence, options.people, model, someone));
  }
  if (options.extra?.length) findings.push(...findExtraPhrases(text, options.extra));
  const allowed = options.allow?.length ? allowedRanges(text, options.allow) : [];
  return findings
    .filter((f) => !allowed.some(([start, end]) => f.start < end && start < f.end))
    .sort((a, b) => a.start - b.start || (a.ruleId < b.ruleId ? -1 : 1));
}

function phraseRegExp(phrase: string): RegExp {
  const escaped = phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
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
