/**
 * `npm run eval`: how well the blaming-language rules do, on every set
 * separately.
 *
 * Synthetic sentences (test/fixtures/lint/, written by the team): precision
 * and recall per rule family on `corpus.jsonl` (the development set the rules
 * were written against), `families.jsonl` (development sentences for the
 * families issue 8 found weak: normative framing, implicit blame, a named
 * person or team as cause, passive blame, punitive, hindsight), the probes
 * `families-N.jsonl` (each run once before the rules
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
 * The sets are found by file name (scripts/eval-sets.ts), so a new
 * `holdout-N.jsonl` is picked up as it is added. Its first run is recorded,
 * before any rule is changed for it, with
 *   npx tsx scripts/eval.ts --set holdout-N --errors > test/fixtures/lint/holdout-N.first-run.txt
 *
 * `--json` prints the figures as JSON; `--errors` lists every wrong sentence;
 * `--set NAME` prints one synthetic set only (no real text).
 */
import { evaluateCorpus, formatEvaluation } from '../src/lint/evaluate.js';
import { evaluateDocuments, formatDocumentEvaluation } from '../src/lint/evaluate-documents.js';
import { blameModelFor } from '../src/lint/model/default.js';
import { DEFAULT_LINT_SETTINGS } from '../src/lint/runner.js';
import { CORPUS, FIXTURES, readReal, readSets } from './blame-model-inputs.js';
import { formatLeaveOneSetOut, formatRealFolds, leaveOneSetOut, realFolds } from './eval-model.js';

const only = argValue('--set');
const errors = process.argv.includes('--errors');
const json = process.argv.includes('--json');
// What `postmortem lint` runs by default: the rules, and the committed blame model when it is on.
const shipped = blameModelFor(DEFAULT_LINT_SETTINGS);
const sets = readSets();
const synthetic = sets.filter((set) => only === undefined || set.name === only).map((set) => [set, evaluateCorpus(set.corpus, shipped)] as const);
if (only !== undefined && synthetic.length === 0) {
  console.error(`No labelled set named ${only} in ${FIXTURES}`);
  process.exit(2);
}

const corpus = only === undefined ? readReal() : null;
const real = corpus
  ? [['real post-mortems', evaluateDocuments(corpus.postmortems, corpus.labels)] as const, ['provider RCAs', evaluateDocuments(corpus.rcas)] as const]
  : [];

function argValue(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at === -1 ? undefined : process.argv[at + 1];
}

if (json) {
  const figures = Object.fromEntries(synthetic.map(([set, r]) => [set.name, r.figures]));
  const documents = Object.fromEntries(real.map(([name, r]) => [name, { ...r, findings: undefined, misses: undefined }]));
  console.log(JSON.stringify({ ...figures, ...(real.length ? { real: documents } : {}) }, null, 2));
} else {
  for (const [index, [set, result]] of synthetic.entries()) {
    console.log(`${index === 0 ? '' : '\n'}${set.name} set (${set.file})\n${formatEvaluation(result)}`);
    if (errors) for (const miss of result.mistakes) console.log(`  ${miss}`);
  }
  if (real.length === 0 && only === undefined) console.log(`\nReal text skipped: ${CORPUS} is absent (it is not part of the repository).`);
  for (const [name, result] of real) {
    console.log(`\n${formatDocumentEvaluation(name, result)}`);
    if (!errors) continue;
    for (const f of result.findings.filter((x) => x.verdict !== 'true-positive'))
      console.log(`  ${f.verdict} ${f.severity} ${f.ruleId} ${f.doc}: ${f.sentence}`);
    for (const miss of result.misses) console.log(`  missed: ${miss}`);
  }
  if (only === undefined) {
    console.log(`\n${formatLeaveOneSetOut(leaveOneSetOut(sets, corpus))}`);
    if (corpus) console.log(`\n${formatRealFolds(realFolds(sets, corpus))}`);
  }
}
