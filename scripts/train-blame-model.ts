/**
 * `npm run train`: trains the blame model (src/lint/model/) from the
 * labelled sentence sets in test/fixtures/lint/ and, as negatives, the real
 * blameless prose of `../shared/corpus/` (read here, never copied: the
 * weights are hashed feature buckets, not words), and writes
 * src/lint/model/weights.ts. Seeded: the same inputs give the same file.
 * Without the corpus folder it stops with a message, leaving the committed
 * weights alone (they were trained with it).
 *
 * `--check` trains and exits 1 when the committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CORPUS, readReal, readSets, WEIGHTS_FILE, weightsFileText } from './blame-model-inputs.js';

const real = readReal();
if (!real) {
  console.error(`The blame model is trained with real blameless prose from ${CORPUS}, which is absent; the committed weights are left as they are.`);
  process.exit(process.argv.includes('--check') ? 0 : 2);
}
const sets = readSets();
const { text, samples } = weightsFileText(sets, real);
const target = WEIGHTS_FILE;

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('src/lint/model/weights.ts is not what `npm run train` writes from the current inputs: run `npm run train`.');
    process.exit(1);
  }
  console.log('src/lint/model/weights.ts is current.');
} else {
  writeFileSync(target, text);
  console.log(
    `Trained on ${samples} samples (${sets.length} labelled sets and ${real.postmortems.length + real.rcas.length} real documents); wrote ${target}.`,
  );
}
