/**
 * What a rule returns: its id and where it matched, as offsets into the
 * text it was given. The runner turns findings into diagnostics.
 *
 * @example
 * const f: Finding = { ruleId: 'blame/judgement', start: 15, end: 23 };
 */
import type { Token } from '../grammar/tokens.js';

export interface Finding {
  ruleId: string;
  start: number;
  end: number;
  /** `blame/model` only: the family the model predicts, and the sentence's words that made it fire. */
  family?: string;
  cues?: readonly string[];
}

/** A finding covering the tokens `from` to `to`. */
export function span(ruleId: string, from: Token, to: Token): Finding {
  return { ruleId, start: Math.min(from.start, to.start), end: Math.max(from.end, to.end) };
}
