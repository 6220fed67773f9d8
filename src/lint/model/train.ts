/**
 * Trains the blame model: multinomial logistic regression by stochastic
 * gradient descent over hashed features, seeded, so the same samples give
 * the same weights. Then quantizes the weights to one byte each for the
 * committed file. Pure: scripts/train-blame-model.ts and the evaluation
 * gather the samples.
 *
 * @example
 * const model = trainBlameModel(samples);
 * classifySentence(model, features)
 */
import { BUCKETS } from './features.js';
import { MODEL_CLASSES, type BlameModel } from './classifier.js';

export interface Sample {
  /** Hashed feature buckets (features.ts). */
  buckets: readonly number[];
  /** Index into MODEL_CLASSES. */
  label: number;
}

export interface TrainingOptions {
  epochs: number;
  rate: number;
  /** Weight decay applied once per epoch. */
  decay: number;
  seed: number;
  threshold: number;
}

/** Chosen with the cross-validated figures of `npm run eval` (docs/lint.md). */
export const TRAINING: TrainingOptions = { epochs: 12, rate: 0.1, decay: 0.01, seed: 8, threshold: 0.9 };

const CLASSES = MODEL_CLASSES.length;

export function trainBlameModel(samples: readonly Sample[], options: TrainingOptions = TRAINING): BlameModel {
  const weights = new Float32Array(BUCKETS * CLASSES);
  const order = samples.map((_, i) => i);
  const random = mulberry32(options.seed);
  const scores = new Float64Array(CLASSES);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    const rate = options.rate / (1 + epoch * 0.5);
    for (const index of order) {
      const sample = samples[index]!;
      scores.fill(0);
      for (const bucket of sample.buckets) for (let c = 0; c < CLASSES; c++) scores[c]! += weights[bucket * CLASSES + c]!;
      let top = -Infinity;
      for (let c = 0; c < CLASSES; c++) top = Math.max(top, scores[c]!);
      let sum = 0;
      for (let c = 0; c < CLASSES; c++) sum += scores[c] = Math.exp(scores[c]! - top);
      for (let c = 0; c < CLASSES; c++) {
        const gradient = scores[c]! / sum - (c === sample.label ? 1 : 0);
        if (gradient === 0) continue;
        for (const bucket of sample.buckets) weights[bucket * CLASSES + c]! -= rate * gradient;
      }
    }
    for (let i = 0; i < weights.length; i++) weights[i]! *= 1 - options.decay;
  }
  return { weights, scale: 1, threshold: options.threshold };
}

/** One signed byte per weight and a shared scale: a quarter of the size, and the predictions barely move. */
export function quantize(model: BlameModel): BlameModel {
  let largest = 0;
  for (const w of model.weights) largest = Math.max(largest, Math.abs(w * model.scale));
  const scale = largest === 0 ? 1 : largest / 127;
  const bytes = new Int8Array(model.weights.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round((model.weights[i]! * model.scale) / scale);
  return { weights: bytes, scale, threshold: model.threshold };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}
