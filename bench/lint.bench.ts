/**
 * Lint throughput: N synthetic post-mortems (YAML incidents and their
 * Markdown renderings, a few KB each), and alex on the same Markdown in the
 * same process. Prints ms per document for both, the ratio, and the time to
 * lint 1,000 YAML incidents. Each document has about 55 sentences, 3 of them
 * blaming (a draft before review); a second, denser run puts a blaming
 * sentence in every paragraph, the worst case for the remark pass.
 * `BENCH_LINT_N` sets N (default 1000);
 * `BENCH_ALEX_N` how many Markdown documents alex reads (default 100: it is
 * slow, and the figure is per document). Last, both whole CLIs as processes
 * on `BENCH_PROCESS_N` dense drafts (default 300; see lint-process.ts).
 */
import { markdown as alex } from 'alex';
import { lintIncidentSource, lintMarkdown } from '../src/lint/index.js';
import { compareProcesses, formatComparison } from './lint-process.js';
import { formatMs, median, medianMs } from './stats.js';

/** Blameless sentences, many with trap words ("failed to", "killed", "could have"). */
const NEUTRAL = [
  'The deploy pipeline promoted v2.3.0 to all regions at once.',
  'Error rate rose to 5% and the on-call engineer was paged at 10:03.',
  'Kim declared the incident and coordinated the failover to the secondary region.',
  'The probe failed to connect to the database because the pool was exhausted.',
  'The scheduler killed the pod after it exceeded its memory limit.',
  'A canary stage could have limited the impact to 1% of users.',
  'The alert text did not say which service was affected.',
  'Lee rolled back the deployment, which restored service at 10:16.',
  'Retries without jitter amplified the load on the primary.',
  'The runbook did not mention that the primary must be drained first.',
  'Latency on the checkout path rose from 120 ms to 2.4 s within four minutes.',
  'The connection pool holds 50 connections per instance and all of them were in use.',
  'The dashboard for the payment service showed the spike, but no alert was attached to it.',
  'Traffic shifted to the secondary region once the health checks marked the primary as down.',
  'The migration added an index to a table with 40 million rows.',
  'The status page was updated at 10:12 and again at 10:40.',
  'Customer support received 87 tickets about failed payments.',
  'The feature flag for the new checkout flow was turned off at 10:14.',
  'The cache hit rate fell from 94% to 31% after the restart.',
  'Two replicas were behind by more than 30 seconds during the peak.',
];
/** Blaming sentences: a realistic draft has a few of these among many neutral ones. */
const BLAMING = [
  'Lee merged an unreviewed migration minutes before leaving for the weekend.',
  'The reviewer ought to have caught the missing index.',
  'Obviously the config was wrong.',
  'Root cause: human error.',
  'The on-call was careless with the rollback.',
];

function pick(seed: number, count: number, pool: readonly string[]): string[] {
  const out: string[] = [];
  let state = (seed * 2654435761) % 4294967296;
  for (let i = 0; i < count; i++) {
    state = (state * 1664525 + 1013904223) % 4294967296;
    out.push(pool[state % pool.length]!);
  }
  return out;
}

/** `blaming` sentences of the document are drawn from BLAMING, the rest from NEUTRAL. */
function paragraphs(n: number, blaming: number): string[] {
  const paras = Array.from({ length: 8 }, (_, k) => pick(n * 31 + k, 6, NEUTRAL));
  pick(n, blaming, BLAMING).forEach((sentence, k) => {
    paras[(n + k * 3) % 8]![k % 6] = sentence;
  });
  return paras.map((p) => p.join(' '));
}

/** One synthetic incident as YAML (about 3 KB) and as the Markdown a reviewer would read. */
export function syntheticIncident(n: number, blaming = 3): { yaml: string; markdown: string } {
  const paras = paragraphs(n, blaming);
  const para = (k: number) => paras[k]!;
  const events = pick(n * 7, 12, NEUTRAL);
  const yaml = [
    `title: Synthetic incident ${n}`,
    'date: 2024-01-15',
    'severity: SEV2',
    'authors: [dana]',
    'participants: [kim, lee]',
    `summary: >\n  ${para(1)}\n  ${para(2)}`,
    `impact:\n  description: ${pick(n, 1, NEUTRAL)[0]}\n  users_affected: 1200`,
    'timeline:',
    ...events.map(
      (e, i) =>
        `  - time: "10:${String(i * 4).padStart(2, '0')}"\n    event: ${JSON.stringify(e)}\n    type: ${i === 0 ? 'start' : i === 3 ? 'detect' : i === 11 ? 'resolve' : 'action'}`,
    ),
    `root_cause:\n  immediate: ${JSON.stringify(para(3))}\n  contributing_factors:\n    - ${JSON.stringify(para(4))}`,
    `resolution: |\n  ${para(5)}\n  ${para(6)}`,
    'action_items:\n  - action: Add a deploy lock to the pipeline\n    owner: lee\n    deadline: 2024-01-20',
    `lessons:\n  - title: Canaries\n    detail: ${JSON.stringify(para(0))}`,
  ].join('\n');
  const markdown = [
    `# Synthetic incident ${n}`,
    '',
    '**Authors:** dana',
    '',
    '## Summary',
    '',
    para(1),
    '',
    para(2),
    '',
    '## Timeline',
    '',
    '| time | event |',
    '|---|---|',
    ...events.map((e, i) => `| 10:${String(i * 4).padStart(2, '0')} | ${e} |`),
    '',
    '## Root cause',
    '',
    para(3),
    '',
    '- ' + para(4),
    '',
    '```',
    'ERROR pool exhausted: careless retry loop',
    '```',
    '',
    '## Resolution',
    '',
    para(5),
    '',
    para(6),
    '',
    '## Lessons',
    '',
    para(0),
    '',
  ].join('\n');
  return { yaml, markdown };
}

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_LINT_N ?? 1000);
  const alexN = Math.min(n, Number(process.env.BENCH_ALEX_N ?? 100));
  const docs = Array.from({ length: n }, (_, i) => syntheticIncident(i));
  const kb = docs.reduce((sum, d) => sum + d.yaml.length + d.markdown.length, 0) / 1024 / (2 * n);
  // Warm up both (JIT, lazy module state) before timing.
  for (const d of docs.slice(0, 20)) {
    lintIncidentSource('w.yaml', d.yaml);
    lintMarkdown('w.md', d.markdown);
    alex(d.markdown);
  }
  let findings = 0;
  const yamlMs = await medianMs(5, () => {
    for (const d of docs) findings = lintIncidentSource('a.yaml', d.yaml).length;
  });
  const mdMs = await medianMs(5, () => {
    for (const d of docs) lintMarkdown('a.md', d.markdown);
  });
  const alexSamples: number[] = [];
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    for (const d of docs.slice(0, alexN)) alex(d.markdown);
    alexSamples.push((performance.now() - start) / alexN);
  }
  const alexPerDoc = median(alexSamples);
  const mdPerDoc = mdMs / n;
  console.log(`documents: ${n} YAML + ${n} Markdown, ${kb.toFixed(1)} KB each on average (last file: ${findings} findings)`);
  console.log(`postmortem lint, YAML:     ${formatMs(yamlMs / n)} per document; ${formatMs(yamlMs)} for ${n} incidents`);
  console.log(`postmortem lint, Markdown: ${formatMs(mdPerDoc)} per document`);
  console.log(`alex, Markdown:            ${formatMs(alexPerDoc)} per document (${alexN} documents)`);
  console.log(`ratio alex / postmortem on Markdown: ${(alexPerDoc / mdPerDoc).toFixed(1)}x`);
  console.log(`1,000 incidents (YAML) in ${formatMs((yamlMs / n) * 1000)} (target < 3 s)`);
  const dense = Array.from({ length: alexN }, (_, i) => syntheticIncident(i, 24).markdown);
  const denseMs = await medianMs(5, () => {
    for (const d of dense) lintMarkdown('a.md', d);
  });
  console.log(
    `dense drafts (a blaming sentence in every paragraph), Markdown: ${formatMs(denseMs / alexN)} per document, ${(alexPerDoc / (denseMs / alexN)).toFixed(1)}x faster than alex`,
  );
  const processN = Number(process.env.BENCH_PROCESS_N ?? 300);
  const drafts = Array.from({ length: processN }, (_, i) => syntheticIncident(i, 24).markdown + DENSE_TAIL);
  const whole = compareProcesses(drafts);
  console.log(whole ? formatComparison(processN, whole) : 'whole process: skipped, dist/bin/postmortem.cjs is missing (run `npm run build`)');
}

/** A closing section that brings a dense draft to about 4 KB, blaming in every sentence like the rest. */
const DENSE_TAIL = `
## Follow-up

${BLAMING.join(' ')}

${BLAMING.slice().reverse().join(' ')}
`;
