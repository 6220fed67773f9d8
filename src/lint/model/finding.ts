/**
 * The second stage of the blame lint: a sentence that no rule flagged is
 * given to the blame model, which may report it as `blame/model` with the
 * family it predicts and the cues that made it fire. Always a warning (the
 * runner caps it): a statistical guess never blocks a pull request.
 *
 * @example
 * modelFindings(sentence, people, defaultBlameModel())
 * // [{ ruleId: 'blame/model', start: 0, end: 58, family: 'person-as-cause', cues: ["Chidi's", 'sent every'] }]
 */
import { isNarrator, mayBePerson, type People } from '../grammar/people.js';
import type { Span } from '../grammar/tokens.js';
import type { Finding } from '../rules/finding.js';
import { classifyTokens, type BlameModel } from './classifier.js';

export const MODEL_RULE = 'blame/model';

/** A `blame/model` finding over the whole sentence, or none; `someone` is the caller's mayBePerson test of the sentence, when it made one. */
export function modelFindings(sentence: Span, people: People, model: BlameModel, someone = true): Finding[] {
  // `someone` false: the caller found no word that may be a person, so the gate below cannot pass.
  if (!someone) return [];
  // Blame is about people: a sentence with no word that may be a person (the narrating "we" is the company) is left alone.
  // This gate is what kept the model's cross-validated false positives on real post-mortems at zero (docs/lint.md).
  if (!sentence.words.some((w) => mayBePerson(w, people) && !isNarrator(w))) return [];
  const prediction = classifyTokens(model, sentence.words, people);
  if (!prediction) return [];
  return [{ ruleId: MODEL_RULE, start: sentence.start, end: sentence.end, family: prediction.family, cues: prediction.cues }];
}
