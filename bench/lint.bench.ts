/**
 * Lint throughput: N synthetic post-mortems (YAML incidents and their
 * Markdown renderings, a few KB each), and alex on the same Markdown in the
 * same process. Prints ms per document for both, the ratio, and the time to
 * lint 1,000 YAML incidents. `BENCH_LINT_N` sets N (default 1000);
 * `BENCH_ALEX_N` how many Markdown documents alex reads (default 100: it is
 * slow, and the figure is per document).
 */
import { markdown as alex } from 'alex';
import { lintIncidentSource, lintMarkdown } from '../src/lint/index.js';
import { formatMs, median, medianMs } from './stats.js';

const PROSE = [
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
  'Lee merged an unreviewed migration minutes before leaving for the weekend.',
  'The reviewer ought to have caught the missing index.',
  'Obviously the config was wrong.',
  'Root cause: human error.',
];

function pick(seed: number, count: number): string[] {
  const out: string[] = [];
  let state = seed * 2654435761 % 4294967296;
  for (let i = 0; i < count; i++) {
    state = (state * 1664525 + 1013904223) % 4294967296;
    out.push(PROSE[state % PROSE.length]!);
  }
  return out;
}

/** One synthetic incident as YAML (about 3 KB) and as the Markdown a reviewer would read. */
export function syntheticIncident(n: number): { yaml: string; markdown: string } {
  const para = (k: number) => pick(n * 31 + k, 6).join(' ');
  const events = pick(n * 7, 12);
  const yaml = [
    `title: Synthetic incident ${n}`, 'date: 2024-01-15', 'severity: SEV2', 'authors: [dana]', 'participants: [kim, lee]',
    `summary: >\n  ${para(1)}\n  ${para(2)}`, `impact:\n  description: ${pick(n, 1)[0]}\n  users_affected: 1200`,
    'timeline:', ...events.map((e, i) => `  - time: "10:${String(i * 4).padStart(2, '0')}"\n    event: ${JSON.stringify(e)}\n    type: ${i === 0 ? 'start' : i === 3 ? 'detect' : i === 11 ? 'resolve' : 'action'}`),
    `root_cause:\n  immediate: ${JSON.stringify(para(3))}\n  contributing_factors:\n    - ${JSON.stringify(para(4))}`,
    `resolution: |\n  ${para(5)}\n  ${para(6)}`,
    'action_items:\n  - action: Add a deploy lock to the pipeline\n    owner: lee\n    deadline: 2024-01-20',
    `lessons:\n  - title: Canaries\n    detail: ${JSON.stringify(para(7))}`,
  ].join('\n');
  const markdown = [
    `# Synthetic incident ${n}`, '', '**Authors:** dana', '', '## Summary', '', para(1), '', para(2), '', '## Timeline', '',
    '| time | event |', '|---|---|', ...events.map((e, i) => `| 10:${String(i * 4).padStart(2, '0')} | ${e} |`), '',
    '## Root cause', '', para(3), '', '- ' + para(4), '', '```', 'ERROR pool exhausted: careless retry loop', '```', '',
    '## Resolution', '', para(5), '', para(6), '', '## Lessons', '', para(7), '',
  ].join('\n');
  return { yaml, markdown };
}

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_LINT_N ?? 1000);
  const alexN = Math.min(n, Number(process.env.BENCH_ALEX_N ?? 100));
  const docs = Array.from({ length: n }, (_, i) => syntheticIncident(i));
  const kb = docs.reduce((sum, d) => sum + d.yaml.length + d.markdown.length, 0) / 1024 / (2 * n);
  // Warm up both (JIT, lazy module state) before timing.
  for (const d of docs.slice(0, 20)) { lintIncidentSource('w.yaml', d.yaml); lintMarkdown('w.md', d.markdown); alex(d.markdown); }
  let findings = 0;
  const yamlMs = await medianMs(5, () => { for (const d of docs) findings = lintIncidentSource('a.yaml', d.yaml).length; });
  const mdMs = await medianMs(5, () => { for (const d of docs) lintMarkdown('a.md', d.markdown); });
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
}
