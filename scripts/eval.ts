/**
 * `npm run eval`: how well the blaming-language rules do, on every set
 * separately.
 *
 * Synthetic sentences (test/fixtures/lint/, written by the team): precision
 * and recall per rule family on `corpus.jsonl` (the development set the rules
 * were written against), `families.jsonl` (development sentences for the
 * families issue 8 found weak: normative framing, implicit blame, a named
 * person or team as cause, passive blame, punitive, hindsight), the probes
 * `families-2.jsonl` … `families-8.jsonl` (each run once before the rules
 * were changed for it, then development data) and each held-out set (`holdout*.jsonl`, each
 * written after a round of rules; its first run is recorded verbatim in
 * `holdout*.first-run.txt`, later changes looked at all but the newest).
 *
 * Real text (read at run time from `../shared/corpus/`, never copied into
 * the project; skipped with a message when absent): published post-mortems
 * with sentence labels (`real-postmortems/labels.jsonl`) and provider RCAs
 * (`cloud-rcas/`, taken as blameless): precision, recall, false positives
 * per 1,000 words and the blameless documents that get an error finding.
 *
 * `--json` prints the figures as JSON; `--errors` lists every wrong sentence.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateCorpus, formatEvaluation, parseCorpus } from '../src/lint/evaluate.js';
import { evaluateDocuments, formatDocumentEvaluation, type SentenceLabel } from '../src/lint/evaluate-documents.js';

const sets = {
  development: 'corpus.jsonl',
  'development-2': 'families.jsonl',
  'development-3': 'families-2.jsonl',
  'development-4': 'families-3.jsonl',
  'development-5': 'families-4.jsonl',
  'development-6': 'families-5.jsonl',
  'development-7': 'families-6.jsonl',
  'development-8': 'families-7.jsonl',
  'development-9': 'families-8.jsonl',
  holdout: 'holdout.jsonl',
  'holdout-2': 'holdout-2.jsonl',
  'holdout-3': 'holdout-3.jsonl',
  'holdout-4': 'holdout-4.jsonl',
  'holdout-5': 'holdout-5.jsonl',
  'holdout-6': 'holdout-6.jsonl',
  'holdout-7': 'holdout-7.jsonl',
  'holdout-8': 'holdout-8.jsonl',
} as const;
const errors = process.argv.includes('--errors');
const json = process.argv.includes('--json');
const fixture = (file: string) => fileURLToPath(new URL(`../test/fixtures/lint/${file}`, import.meta.url));
const synthetic = Object.entries(sets)
  .filter(([, file]) => existsSync(fixture(file)))
  .map(([name, file]) => [name, evaluateCorpus(parseCorpus(readFileSync(fixture(file), 'utf8')))] as const);

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const readDocs = (folder: string) =>
  readdirSync(corpus + folder)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(`${corpus}${folder}/${name}`, 'utf8') }));
const real = existsSync(corpus)
  ? [
      ['real post-mortems', evaluateDocuments(readDocs('real-postmortems'), readLabels(`${corpus}real-postmortems/labels.jsonl`))] as const,
      ['provider RCAs', evaluateDocuments(readDocs('cloud-rcas'))] as const,
    ]
  : [];

function readLabels(path: string): SentenceLabel[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SentenceLabel);
}

if (json) {
  const figures = Object.fromEntries(synthetic.map(([name, r]) => [name, r.figures]));
  const documents = Object.fromEntries(real.map(([name, r]) => [name, { ...r, findings: undefined, misses: undefined }]));
  console.log(JSON.stringify({ ...figures, ...(real.length ? { real: documents } : {}) }, null, 2));
} else {
  for (const [name, result] of synthetic) {
    console.log(`\n${name} set (${sets[name as keyof typeof sets]})\n${formatEvaluation(result)}`);
    if (errors) for (const miss of result.mistakes) console.log(`  ${miss}`);
  }
  if (real.length === 0) console.log(`\nReal text skipped: ${corpus} is absent (it is not part of the repository).`);
  for (const [name, result] of real) {
    console.log(`\n${formatDocumentEvaluation(name, result)}`);
    if (!errors) continue;
    for (const f of result.findings.filter((x) => x.verdict !== 'true-positive'))
      console.log(`  ${f.verdict} ${f.severity} ${f.ruleId} ${f.doc}: ${f.sentence}`);
    for (const miss of result.misses) console.log(`  missed: ${miss}`);
  }
}
