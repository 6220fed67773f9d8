/**
 * Scores the blame rules against a labelled corpus: for each rule family,
 * true positives (the family expected and found), false positives (found,
 * not expected) and false negatives (expected, missed). Overall figures sum
 * the counts of every family (micro-average). Pure, so the eval script and
 * the regression test share it.
 *
 * @example
 * const result = evaluateCorpus(parseCorpus(jsonl));
 * result.figures.overall.precision // 0.97
 */
import { createPeople } from './grammar/people.js';
import { lintProse } from './prose.js';
import { BLAME_RULES } from '../diagnostics/lint-rules.js';
import type { BlameModel } from './model/classifier.js';

export interface CorpusCase {
  text: string;
  /** Families expected (without the `blame/` prefix); empty for a blameless sentence. */
  expect: string[];
  field: string;
}

export interface Corpus {
  people: string[];
  cases: CorpusCase[];
}

export interface Figures {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  figures: Record<string, Figures>;
  /** One line per wrong sentence, for tuning the rules (never the corpus). */
  mistakes: string[];
  sentences: number;
}

/** Line 1 holds `{"people": [...]}`; each other line `{"text", "expect", "field"?}` (`expect` a family, `a+b`, a list or "none"). */
export function parseCorpus(jsonl: string): Corpus {
  const lines = jsonl.split('\n').filter((line) => line.trim() !== '');
  const header = JSON.parse(lines[0] ?? '{}') as { people?: string[] };
  const cases = lines.slice(1).map((line) => {
    const row = JSON.parse(line) as { text: string; expect: string | string[]; field?: string };
    // `"expect": "judgement+person-as-cause"` is how a writer lists two families in one string.
    const expect = (Array.isArray(row.expect) ? row.expect : row.expect.split('+')).map((e) => e.trim()).filter((e) => e !== 'none');
    return { text: row.text, expect, field: row.field ?? 'summary' };
  });
  return { people: header.people ?? [], cases };
}

/** Lints each sentence with the corpus's people (and the blame model, when given) and counts hits and misses per family. */
export function evaluateCorpus(corpus: Corpus, model?: BlameModel): Evaluation {
  const people = createPeople(corpus.people);
  const families = BLAME_RULES.map((id) => id.slice('blame/'.length));
  const counts = new Map(families.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: string[] = [];
  for (const item of corpus.cases) {
    // A `blame/model` finding counts for the family the model predicts.
    const found = new Set(lintProse(item.text, { people, model }).map((f) => f.family ?? f.ruleId.slice('blame/'.length)));
    for (const family of families) {
      const count = counts.get(family)!;
      const expected = item.expect.includes(family);
      if (expected && found.has(family)) count.tp++;
      else if (found.has(family)) count.fp++;
      else if (expected) count.fn++;
    }
    const same = found.size === item.expect.length && item.expect.every((e) => found.has(e));
    if (!same) mistakes.push(`expected ${item.expect.join('+') || 'none'}, found ${[...found].join('+') || 'none'}: ${item.text}`);
  }
  const figures: Record<string, Figures> = {};
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [family, c] of counts) {
    figures[family] = toFigures(c);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  figures.overall = toFigures(total);
  return { figures, mistakes, sentences: corpus.cases.length };
}

function toFigures(c: { tp: number; fp: number; fn: number }): Figures {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn, precision: round(precision), recall: round(recall) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A fixed-width table, one row per family, the overall row last. */
export function formatEvaluation(result: Evaluation): string {
  const rows = [`${'family'.padEnd(16)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} precision recall`];
  for (const [family, f] of Object.entries(result.figures)) {
    rows.push(
      `${family.padEnd(16)} ${String(f.truePositives).padStart(4)} ${String(f.falsePositives).padStart(4)} ${String(f.falseNegatives).padStart(4)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(6)}`,
    );
  }
  rows.push(`(${result.sentences} sentences)`);
  return rows.join('\n');
}
