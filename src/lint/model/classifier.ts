/**
 * The blame model at lint time: a multinomial logistic regression over the
 * hashed sentence features (features.ts), classes `none` and the seven blame
 * families. It runs only on sentences no rule flagged, and reports the
 * family it predicts when that family's probability reaches the threshold,
 * with the sentence's own words that weighed most towards it.
 *
 * @example
 * const prediction = classifySentence(defaultBlameModel(), sentenceFeatures(words, people));
 * prediction?.family // 'person-as-cause'
 */
import type { People } from '../grammar/people.js';
import type { Token } from '../grammar/tokens.js';
import { BUCKETS, cueText, forEachFeature, sentenceFeatures, type Feature } from './features.js';

/** `none` first, then the families in the order of BLAME_RULES. */
export const MODEL_CLASSES = ['none', 'person-as-cause', 'counterfactual', 'human-error', 'judgement', 'punitive', 'hindsight', 'vague-action'] as const;

export interface BlameModel {
  /** BUCKETS × classes, row-major by bucket. */
  readonly weights: Float32Array | Int8Array;
  /** Multiplies every stored weight (1 for float weights). */
  readonly scale: number;
  /** The lowest probability of a family that is reported. */
  readonly threshold: number;
}

export interface Prediction {
  family: string;
  probability: number;
  /** Up to three of the sentence's own phrases that weighed most towards the family. */
  cues: string[];
}

const CLASSES = MODEL_CLASSES.length;

/** The class probabilities of a sentence, in MODEL_CLASSES order. */
export function probabilities(model: BlameModel, features: readonly Feature[]): number[] {
  const scores = new Array<number>(CLASSES).fill(0);
  for (const { bucket } of features) addRow(model, bucket, scores);
  return softmax(model, scores);
}

/** The same, read straight off the sentence's tokens (no feature list). */
export function sentenceProbabilities(model: BlameModel, tokens: readonly Token[], people: People): number[] {
  const scores = new Array<number>(CLASSES).fill(0);
  forEachFeature(tokens, people, (bucket) => addRow(model, bucket, scores));
  return softmax(model, scores);
}

function addRow(model: BlameModel, bucket: number, scores: number[]): void {
  const row = bucket * CLASSES;
  for (let c = 0; c < CLASSES; c++) scores[c]! += model.weights[row + c]!;
}

function softmax(model: BlameModel, scores: number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp((s - top) * model.scale));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** The predicted family, or null when `none` wins or no family reaches `threshold` (the model's own unless given). */
export function classifySentence(model: BlameModel, features: readonly Feature[], threshold = model.threshold): Prediction | null {
  return predict(model, probabilities(model, features), () => features, threshold);
}

/** classifySentence for lint: the features (for the cues) are listed only when a family fires. */
export function classifyTokens(model: BlameModel, tokens: readonly Token[], people: People): Prediction | null {
  return predict(model, sentenceProbabilities(model, tokens, people), () => sentenceFeatures(tokens, people), model.threshold);
}

function predict(model: BlameModel, p: readonly number[], features: () => readonly Feature[], threshold: number): Prediction | null {
  let best = 1;
  for (let c = 2; c < CLASSES; c++) if (p[c]! > p[best]!) best = c;
  if (p[best]! < threshold || p[best]! <= p[0]!) return null;
  return { family: MODEL_CLASSES[best]!, probability: p[best]!, cues: topCues(model, features(), best) };
}

/** The features whose weight favours `cls` over `none` most, named by the sentence's own words (each once). */
function topCues(model: BlameModel, features: readonly Feature[], cls: number): string[] {
  const pull = new Map<string, number>();
  for (const feature of features) {
    const row = feature.bucket * CLASSES;
    const weight = (model.weights[row + cls]! - model.weights[row]!) * model.scale;
    // The cue's text is built only for features that pull towards the family.
    const cue = weight > 0 ? cueText(feature) : '';
    if (cue !== '') pull.set(cue, Math.max(pull.get(cue) ?? 0, weight));
  }
  return [...pull]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([cue]) => cue);
}

/**
 * The committed form of the weights: most rows are all zero after
 * quantization, so a bitmap of the rows that are not comes first (one bit a
 * bucket), then those rows' bytes. About 40% of the dense size, which is
 * text the lint bundle parses at every start.
 */
export function encodeWeights(weights: Int8Array): Uint8Array {
  const rows = weights.length / CLASSES;
  const bitmap = new Uint8Array(rows / 8);
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = weights.subarray(r * CLASSES, (r + 1) * CLASSES);
    if (row.every((w) => w === 0)) continue;
    bitmap[r >> 3]! |= 1 << (r & 7);
    for (const w of row) kept.push(w & 0xff);
  }
  const out = new Uint8Array(bitmap.length + kept.length);
  out.set(bitmap);
  out.set(kept, bitmap.length);
  return out;
}

/** Int8 weights from their base64 text (encodeWeights' bytes, as weights.ts holds them). */
export function decodeWeights(base64: string): Int8Array {
  const text = atob(base64);
  const weights = new Int8Array(BUCKETS * CLASSES);
  const bitmapBytes = BUCKETS / 8;
  let at = bitmapBytes;
  for (let r = 0; r < BUCKETS; r++) {
    if (!(text.charCodeAt(r >> 3) & (1 << (r & 7)))) continue;
    for (let c = 0; c < CLASSES; c++) weights[r * CLASSES + c] = (text.charCodeAt(at++) << 24) >> 24;
  }
  if (at !== text.length) throw new Error(`blame model weights end at byte ${at} of ${text.length}: weights.ts is not what \`npm run train\` writes`);
  return weights;
}
