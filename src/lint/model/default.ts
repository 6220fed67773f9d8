/**
 * The committed blame model (weights.ts, written by `npm run train`) and
 * when to use it. The weights' text is decoded on first use only, so a run
 * with `blame/model` off, or with nothing to lint, pays nothing for it.
 *
 * @example
 * const model = blameModelFor(settings); // undefined when `lint.rules` turns `blame/model` off
 */
import type { LintSettings } from '../runner.js';
import { ruleLevel } from '../runner.js';
import { decodeWeights, type BlameModel } from './classifier.js';
import { MODEL_RULE } from './finding.js';
import { THRESHOLD, WEIGHTS, WEIGHT_SCALE } from './weights.js';

let decoded: BlameModel | undefined;

/** The committed model, decoded once. */
export function defaultBlameModel(): BlameModel {
  decoded ??= { weights: decodeWeights(WEIGHTS), scale: WEIGHT_SCALE, threshold: THRESHOLD };
  return decoded;
}

/** The model a run uses: the caller's (null for none), else the committed one unless `lint.rules` turns `blame/model` off. */
export function blameModelFor(settings: LintSettings, override?: BlameModel | null): BlameModel | undefined {
  if (override !== undefined) return override ?? undefined;
  return ruleLevel(MODEL_RULE, settings) === 'off' ? undefined : defaultBlameModel();
}
