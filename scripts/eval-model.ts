/**
 * The blame model's honest figures, for `npm run eval`: nothing is measured
 * on text the model was trained on.
 *
 * - Leave one set out: for each `holdout*` set, a model trained on every
 *   other labelled set (and all the real negatives) is run with the rules on
 *   the left-out set; rules alone and rules + model side by side.
 * - Real text, two folds by document: a model trained on the labelled sets
 *   and one half of the real documents' blameless sentences is measured on
 *   the other half (false positives per 1,000 words, blameless documents
 *   with an error, precision on the labelled sentences), then the halves swap.
 *
 * Each figure is given at several thresholds: the shipped one was chosen
 * from these, precision first (docs/lint.md).
 */
import { evaluateCorpus, type Figures } from '../src/lint/evaluate.js';
import { evaluateDocuments, scoreDocuments, type CorpusDocument, type DocumentEvaluation } from '../src/lint/evaluate-documents.js';
import type { BlameModel } from '../src/lint/model/classifier.js';
import { blamelessSamples, labelledSamples } from '../src/lint/model/samples.js';
import { quantize, trainBlameModel, TRAINING } from '../src/lint/model/train.js';
import type { RealInput, SetInput } from './blame-model-inputs.js';

export const THRESHOLDS = [0.7, 0.8, 0.85, 0.9, 0.95];

export interface LeftOut {
  name: string;
  rules: Figures;
  /** Rules + the model trained without this set, at each of THRESHOLDS. */
  withModel: Figures[];
}

export interface RealFold {
  /** Summed over both folds, per threshold; rules alone first. */
  postmortems: DocumentEvaluation[];
  rcas: DocumentEvaluation[];
}

const train = (samples: Parameters<typeof trainBlameModel>[0]) => quantize(trainBlameModel(samples));
const at = (model: BlameModel, threshold: number): BlameModel => ({ ...model, threshold });

export function leaveOneSetOut(sets: readonly SetInput[], real: RealInput | null): LeftOut[] {
  const negatives = real ? blamelessSamples([...real.postmortems, ...real.rcas], real.labels) : [];
  return sets
    .filter((set) => set.name.startsWith('holdout'))
    .map((left) => {
      const model = train([...sets.filter((s) => s !== left).flatMap((s) => labelledSamples(s.corpus)), ...negatives]);
      return {
        name: left.name,
        rules: evaluateCorpus(left.corpus).figures.overall!,
        withModel: THRESHOLDS.map((t) => evaluateCorpus(left.corpus, at(model, t)).figures.overall!),
      };
    });
}

/** Two folds by document (alternate documents of each folder); index 0 is rules alone, then one per threshold. */
export function realFolds(sets: readonly SetInput[], real: RealInput): RealFold {
  const synthetic = sets.flatMap((s) => labelledSamples(s.corpus));
  const folds = [0, 1].map((fold) => {
    const half = (docs: readonly CorpusDocument[], want: boolean) => docs.filter((_, i) => (i % 2 === fold) === want);
    const model = train([...synthetic, ...blamelessSamples([...half(real.postmortems, false), ...half(real.rcas, false)], real.labels)]);
    const run = (docs: CorpusDocument[], labels: RealInput['labels']) =>
      [null, ...THRESHOLDS].map((t) => evaluateDocuments(docs, labels, { model: t === null ? null : at(model, t) }));
    return { postmortems: run(half(real.postmortems, true), real.labels), rcas: run(half(real.rcas, true), []) };
  });
  return {
    postmortems: folds[0]!.postmortems.map((r, i) => sumEvaluations(r, folds[1]!.postmortems[i]!)),
    rcas: folds[0]!.rcas.map((r, i) => sumEvaluations(r, folds[1]!.rcas[i]!)),
  };
}

function sumEvaluations(a: DocumentEvaluation, b: DocumentEvaluation): DocumentEvaluation {
  return scoreDocuments({
    documents: a.documents + b.documents,
    words: a.words + b.words,
    blamelessDocuments: a.blamelessDocuments + b.blamelessDocuments,
    blamelessDocumentsWithError: a.blamelessDocumentsWithError + b.blamelessDocumentsWithError,
    findings: [...a.findings, ...b.findings],
    misses: [...a.misses, ...b.misses],
  });
}

const pr = (f: { precision: number; recall: number }) => `${f.precision.toFixed(3)} ${f.recall.toFixed(3)}`;

/** The leave-one-set-out table: one row per held-out set, rules alone against rules + model at the shipped threshold; then the pooled and mean rows at every threshold. */
export function formatLeaveOneSetOut(rows: readonly LeftOut[]): string {
  const shipped = THRESHOLDS.indexOf(TRAINING.threshold);
  const lines = [
    `Leave one set out (model trained without the set; threshold ${TRAINING.threshold})`,
    `${'set'.padEnd(12)} rules: P     R      rules + model: P     R   added TP  FP`,
  ];
  for (const row of rows) {
    const m = row.withModel[shipped]!;
    lines.push(
      `${row.name.padEnd(12)}        ${pr(row.rules)}                  ${pr(m)}   ${String(m.truePositives - row.rules.truePositives).padStart(6)} ${String(m.falsePositives - row.rules.falsePositives).padStart(3)}`,
    );
  }
  lines.push('', 'All held-out sets, by threshold (pooled: counts summed; mean: of the per-set figures)');
  lines.push(`${'threshold'.padEnd(12)} pooled P     R   mean P     R`);
  const summary = (label: string, pick: (row: LeftOut) => Figures) => {
    const figures = rows.map(pick);
    const tp = figures.reduce((s, f) => s + f.truePositives, 0);
    const fp = figures.reduce((s, f) => s + f.falsePositives, 0);
    const fn = figures.reduce((s, f) => s + f.falseNegatives, 0);
    const mean = (key: 'precision' | 'recall') => figures.reduce((s, f) => s + f[key], 0) / figures.length;
    lines.push(
      `${label.padEnd(12)} ${(tp / (tp + fp)).toFixed(3)} ${(tp / (tp + fn)).toFixed(3)}   ${mean('precision').toFixed(3)} ${mean('recall').toFixed(3)}`,
    );
  };
  summary('rules alone', (row) => row.rules);
  THRESHOLDS.forEach((t, i) => summary(`${t}${t === TRAINING.threshold ? ' *' : ''}`, (row) => row.withModel[i]!));
  return lines.join('\n');
}

/** The real-text cross-validation table: rules alone, then rules + model at every threshold. */
export function formatRealFolds(folds: RealFold): string {
  const lines = [
    'Real text, two folds by document (model trained on the other half)',
    `${'threshold'.padEnd(12)} post-mortems: TP  FP  P      FP/1k  error docs   RCAs: FP  FP/1k  error docs`,
  ];
  folds.postmortems.forEach((pm, i) => {
    const rca = folds.rcas[i]!;
    const label = i === 0 ? 'rules alone' : `${THRESHOLDS[i - 1]}${THRESHOLDS[i - 1] === TRAINING.threshold ? ' *' : ''}`;
    lines.push(
      `${label.padEnd(12)}              ${String(pm.truePositives).padStart(3)} ${String(pm.falsePositives).padStart(3)}  ${pm.precision.toFixed(3)}  ${pm.falsePositivesPer1000Words.toFixed(3)}  ${pm.blamelessDocumentsWithError} of ${pm.blamelessDocuments}      ${String(rca.falsePositives).padStart(3)}  ${rca.falsePositivesPer1000Words.toFixed(3)}  ${rca.blamelessDocumentsWithError} of ${rca.blamelessDocuments}`,
    );
  });
  return lines.join('\n');
}
