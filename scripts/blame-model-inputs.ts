/**
 * What the blame model is trained and measured on, read from disk: the
 * labelled sentence sets of test/fixtures/lint/ and, when `../shared/corpus/`
 * is present, the real documents (post-mortems with sentence labels and
 * provider RCAs). Shared by `npm run train`, `npm run eval` and the test that
 * checks the committed weights are current.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCorpus, type Corpus } from '../src/lint/evaluate.js';
import type { CorpusDocument, SentenceLabel } from '../src/lint/evaluate-documents.js';
import { labelledSets, type LabelledSet } from './eval-sets.js';

export const FIXTURES = fileURLToPath(new URL('../test/fixtures/lint/', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

export interface SetInput extends LabelledSet {
  text: string;
  corpus: Corpus;
}

export interface RealInput {
  postmortems: CorpusDocument[];
  rcas: CorpusDocument[];
  labels: SentenceLabel[];
  labelsText: string;
}

export function readSets(): SetInput[] {
  return labelledSets(FIXTURES).map((set) => {
    const text = readFileSync(FIXTURES + set.file, 'utf8');
    return { ...set, text, corpus: parseCorpus(text) };
  });
}

/** The real documents, or null when the corpus folder is absent (a user's clone). */
export function readReal(): RealInput | null {
  if (!existsSync(CORPUS)) return null;
  const labelsText = readFileSync(`${CORPUS}real-postmortems/labels.jsonl`, 'utf8');
  const labels = labelsText
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SentenceLabel);
  return { postmortems: readDocs('real-postmortems'), rcas: readDocs('cloud-rcas'), labels, labelsText };
}

function readDocs(folder: string): CorpusDocument[] {
  return readdirSync(CORPUS + folder)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(`${CORPUS}${folder}/${name}`, 'utf8') }));
}

/** A digest of everything training reads, so a test can tell whether the committed weights are current. */
export function inputsDigest(sets: readonly SetInput[], real: RealInput | null): string {
  const hash = createHash('sha256');
  for (const set of sets) hash.update(`${set.file}\0${set.text}\0`);
  if (real) {
    for (const doc of [...real.postmortems, ...real.rcas]) hash.update(`${doc.name}\0${doc.text}\0`);
    hash.update(real.labelsText);
  }
  return hash.digest('hex');
}
