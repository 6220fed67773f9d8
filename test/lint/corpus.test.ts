/**
 * Regression guard on the labelled corpora: precision and recall per family
 * may not drop below the figures recorded in eval-baseline.json (rewrite it
 * with `npx tsx scripts/eval.ts --json > test/fixtures/lint/eval-baseline.json`
 * when a change improves them), and all sets together must meet the targets.
 * When ../shared/corpus is present, the real-text targets of issue 8 hold too.
 * Figures are those of what `postmortem lint` runs by default: the rules and,
 * on sentences no rule flagged, the committed blame model.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, parseCorpus, type Figures } from '../../src/lint/evaluate.js';
import { evaluateDocuments, type SentenceLabel } from '../../src/lint/evaluate-documents.js';
import { labelledSets } from '../../scripts/eval-sets.js';
import { blameModelFor } from '../../src/lint/model/default.js';
import { DEFAULT_LINT_SETTINGS } from '../../src/lint/runner.js';

const shipped = blameModelFor(DEFAULT_LINT_SETTINGS);

const fixture = (name: string) => readFileSync(new URL(`../fixtures/lint/${name}`, import.meta.url), 'utf8');
const baseline = JSON.parse(fixture('eval-baseline.json')) as Record<string, Record<string, Figures>>;
/** Every labelled set, found by file name: a new held-out set is checked as soon as it is added. */
const sets = labelledSets(fileURLToPath(new URL('../fixtures/lint/', import.meta.url))).map((set) => [set.name, set.file] as const);

describe.each(sets)('%s set', (name, file) => {
  const corpus = parseCorpus(fixture(file));
  const result = evaluateCorpus(corpus, shipped);

  it('is labelled: at least a third blameless, every family present', () => {
    const blameless = corpus.cases.filter((c) => c.expect.length === 0).length;
    expect(blameless / corpus.cases.length).toBeGreaterThan(1 / 3);
    expect(Object.values(result.figures).every((f) => f.truePositives + f.falseNegatives > 0)).toBe(true);
  });

  it('labels name rule families only ("a+b" lists two)', () => {
    const families = new Set(Object.keys(result.figures));
    expect(corpus.cases.flatMap((c) => c.expect).filter((e) => !families.has(e))).toEqual([]);
  });

  // A set added since the baseline was last written has no figures to hold yet.
  it.each(Object.keys(baseline[name] ?? {}))('%s does not regress', (family) => {
    const recorded = baseline[name]![family]!;
    expect(result.figures[family]!.precision).toBeGreaterThanOrEqual(recorded.precision);
    expect(result.figures[family]!.recall).toBeGreaterThanOrEqual(recorded.recall);
  });
});

it('all corpora together meet the targets (precision >= 0.95, recall >= 0.90)', () => {
  const overall = sets.map(([, file]) => evaluateCorpus(parseCorpus(fixture(file)), shipped).figures.overall!);
  const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => overall.reduce((total, f) => total + f[key], 0);
  expect(sum('truePositives') / (sum('truePositives') + sum('falsePositives'))).toBeGreaterThanOrEqual(0.95);
  expect(sum('truePositives') / (sum('truePositives') + sum('falseNegatives'))).toBeGreaterThanOrEqual(0.9);
});

it('the development corpus has at least 200 sentences', () => {
  expect(parseCorpus(fixture('corpus.jsonl')).cases.length).toBeGreaterThanOrEqual(200);
});

/** Real write-ups nobody on the team wrote, read from ../shared/corpus at test time (never copied into the project). */
const shared = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const readDocs = (folder: string) =>
  readdirSync(shared + folder)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .map((name) => ({ name, text: readFileSync(`${shared}${folder}/${name}`, 'utf8') }));

describe.skipIf(!existsSync(shared))('real text (skipped: ../shared/corpus is absent on this clone)', () => {
  it.each([
    ['real-postmortems', 'labels.jsonl'],
    ['cloud-rcas', null],
  ])('%s: at most 0.3 false positives per 1,000 words, no error on a blameless document', (folder, labelFile) => {
    const labels = labelFile
      ? readFileSync(`${shared}${folder}/${labelFile}`, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as SentenceLabel)
      : [];
    const result = evaluateDocuments(readDocs(folder), labels);
    expect(result.falsePositivesPer1000Words).toBeLessThanOrEqual(0.3);
    expect(result.blamelessDocumentsWithError).toBe(0);
    if (labels.length > 0) {
      expect(result.precision).toBeGreaterThanOrEqual(0.8);
      expect(result.recall).toBeGreaterThanOrEqual(0.8);
    }
  });
});
