import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKFLOW_YAML } from '../../src/workflows/init-files.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Job {
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  steps?: Array<{ run?: string; with?: { command?: string } }>;
}

/** Every workflow a user may copy: the YAML blocks of the README and docs/ that define jobs, `init`'s workflow, this repository's own. */
async function workflowExamples(): Promise<Array<[string, string]>> {
  const examples: Array<[string, string]> = [['postmortem init', WORKFLOW_YAML]];
  const docs = ['README.md', ...(await readdir(path.join(root, 'docs'))).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];
  for (const file of docs) {
    const text = await readFile(path.join(root, file), 'utf8');
    for (const [index, block] of [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].entries())
      if (/^jobs:/m.test(block[1]!)) examples.push([`${file} block ${index + 1}`, block[1]!]);
  }
  for (const name of await readdir(path.join(root, '.github', 'workflows')))
    examples.push([`.github/workflows/${name}`, await readFile(path.join(root, '.github', 'workflows', name), 'utf8')]);
  return examples;
}

const runsSync = (job: Job) => (job.steps ?? []).some((step) => step.with?.command === 'sync' || /postmortem sync(?!.*--dry-run)/.test(step.run ?? ''));

describe('workflow examples: every job that syncs is in a concurrency group that never cancels a running sync', async () => {
  const examples = await workflowExamples();

  it('finds the examples', () => {
    expect(examples.filter(([, text]) => Object.values((parse(text) as { jobs: Record<string, Job> }).jobs).some(runsSync)).length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)('%s', (_name, text) => {
    const jobs = (parse(text) as { jobs: Record<string, Job> }).jobs;
    for (const job of Object.values(jobs).filter(runsSync)) {
      expect(job.concurrency).toEqual({ group: 'postmortems-sync', 'cancel-in-progress': false });
    }
  });
});
