/**
 * `npm run eval`: precision and recall of the blaming-language rules per rule
 * family and overall, on the two labelled corpora in test/fixtures/lint/:
 * `corpus.jsonl` (the development set the rules were written against) and
 * `holdout.jsonl` (written after the first rules; its first run is recorded
 * in docs/lint.md, later changes looked at it) and `holdout-2.jsonl`
 * (written after the rules; its first run is recorded, later changes looked
 * at it), `holdout-3.jsonl` and `holdout-4.jsonl` (the same) and
 * `holdout-5.jsonl` (written last, after the final rule change; its first run
 * is the figure to quote).
 * `--json` prints the figures as JSON; `--errors` lists every wrong sentence.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateCorpus, formatEvaluation, parseCorpus } from '../src/lint/evaluate.js';

const sets = { development: 'corpus.jsonl', holdout: 'holdout.jsonl', 'holdout-2': 'holdout-2.jsonl', 'holdout-3': 'holdout-3.jsonl', 'holdout-4': 'holdout-4.jsonl', 'holdout-5': 'holdout-5.jsonl' } as const;
const results = Object.entries(sets).map(([name, file]) => {
  const text = readFileSync(fileURLToPath(new URL(`../test/fixtures/lint/${file}`, import.meta.url)), 'utf8');
  return [name, evaluateCorpus(parseCorpus(text))] as const;
});
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries(results.map(([name, r]) => [name, r.figures])), null, 2));
} else {
  for (const [name, result] of results) {
    console.log(`\n${name} set (${sets[name]})\n${formatEvaluation(result)}`);
    if (process.argv.includes('--errors')) for (const miss of result.mistakes) console.log(`  ${miss}`);
  }
}
