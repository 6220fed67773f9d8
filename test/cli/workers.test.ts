/**
 * The file pool gives the same answers as one thread: validate (text and
 * JSON), build and `build --check`, and the tracker page (Markdown and JSON)
 * over a few hundred synthetic incidents with broken files among them, run
 * with `POSTMORTEM_WORKERS=0`, `=2` and `=1+main`. A worker that dies mid-run costs one
 * diagnostic on the file it was checking; the built CLI runs the pool too.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticIncident } from '../../bench/synthetic.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { validateWorkflow } from '../../src/workflows/validate.js';
import { REPO_ROOT, runBuiltCli, runCliInProcess, scratchRepo, type CliResult } from './built-cli.js';

const INCIDENTS = 240;
const NOW = ['--now', '2025-07-01'];

/** Files that fail in different ways, spread among the valid ones by name. */
const BROKEN: Record<string, string> = {
  '2023-03-01-bad-date.yaml': 'title: Broken\ndate: 2024-02-30\nseverity: SEV2\n',
  '2023-06-01-bad-yaml.yaml': 'title: "unclosed\nsummary: [\n',
  '2023-09-01-empty.yaml': '',
  // The same id as another file: the duplicate check needs the id records the workers send back.
  '2024-01-01-same-id.yaml': syntheticIncident(7).yaml.replace(/^title:/m, 'id: shared-id\ntitle:'),
  '2024-01-02-same-id.yaml': syntheticIncident(8).yaml.replace(/^title:/m, 'id: shared-id\ntitle:'),
  // Past the configured size limit (max_file_bytes below): never read, so never sent to a worker.
  '2024-02-01-too-large.yaml': `${syntheticIncident(9).yaml}\n# ${'x'.repeat(40_000)}\n`,
};

async function writeRepo(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'postmortems'), { recursive: true });
  await writeFile(path.join(dir, 'postmortem.config.yaml'), 'max_file_bytes: 32768\n');
  for (let i = 0; i < INCIDENTS; i++) {
    const { name, yaml } = syntheticIncident(i);
    await writeFile(path.join(dir, 'postmortems', `${name}.yaml`), yaml);
  }
  for (const [name, text] of Object.entries(BROKEN)) await writeFile(path.join(dir, 'postmortems', name), text);
}

/** Every generated Markdown file of the repository, by path. */
async function reports(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(path.join(dir, 'postmortems'))).filter((name) => name.endsWith('.md')).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, 'postmortems', name), 'utf8')])));
}

/** The commands a user runs, in order, and what each printed; then the files they wrote. */
async function session(dir: string, workers: string, run = runCliInProcess): Promise<{ results: Record<string, CliResult>; files: Record<string, string> }> {
  const env = { POSTMORTEM_WORKERS: workers };
  const results: Record<string, CliResult> = {};
  for (const args of [
    ['validate'],
    ['validate', '--format', 'json'],
    ['build'],
    ['build', '--check'],
    ['report', ...NOW],
    ['report', '--format', 'json', ...NOW],
  ]) {
    results[args.join(' ')] = await run(args, dir, env);
  }
  return { results, files: await reports(dir) };
}

const cleanups: Array<() => Promise<void>> = [];
async function freshRepo(): Promise<string> {
  const repo = await scratchRepo();
  cleanups.push(repo.cleanup);
  await writeRepo(repo.dir);
  return repo.dir;
}
let oneThread: Awaited<ReturnType<typeof session>>;

beforeAll(async () => {
  oneThread = await session(await freshRepo(), '0');
}, 120_000);
afterAll(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('POSTMORTEM_WORKERS=2 against one thread', () => {
  it('finds the broken files (the comparison below is not of empty runs)', () => {
    const validate = JSON.parse(oneThread.results['validate --format json']!.stdout) as Array<{ file: string; ruleId: string }>;
    const failing = new Set(validate.map((diagnostic) => path.posix.basename(diagnostic.file)));
    expect([...failing].sort()).toEqual(Object.keys(BROKEN).sort());
    expect(validate.some((diagnostic) => diagnostic.ruleId === 'schema/duplicate-incident-id')).toBe(true);
    // A report for each incident that builds (the two sharing an id do), none for the broken ones, and the tracker page.
    expect(Object.keys(oneThread.files)).toHaveLength(INCIDENTS + 2 + 1);
  });

  // `1+main` is what auto does past the threshold on 2 cores: one worker, and the main thread takes a share.
  it.each(['2', '1+main'])(
    'POSTMORTEM_WORKERS=%s prints the same and writes the same bytes, command by command',
    async (workers) => {
      const pooled = await session(await freshRepo(), workers);
      expect(pooled.results).toEqual(oneThread.results);
      expect(pooled.files).toEqual(oneThread.files);
    },
    120_000,
  );

  it('does the same through the built CLI as a subprocess', async () => {
    const built = await session(await freshRepo(), '2', runBuiltCli);
    expect(built.results).toEqual(oneThread.results);
    expect(built.files).toEqual(oneThread.files);
  }, 120_000);
});

describe('a worker that dies in the middle of a run', () => {
  const entry = new URL('../fixtures/worker-that-dies/worker.ts', import.meta.url);

  it.each([1, 2])(
    'with %i worker(s): one diagnostic on the file it was checking, every other file checked as in one thread',
    async (workers) => {
      const dir = await freshRepo();
      await writeFile(path.join(dir, 'postmortems', '2023-05-01-dies-here.yaml'), syntheticIncident(3).yaml);
      const { workspace } = await openWorkspace(dir, { workers, workerEntry: entry });
      const { diagnostics, files } = await validateWorkflow(workspace!, { paths: [], today: '2025-07-01' });
      const { workspace: single } = await openWorkspace(dir, { workers: 'off' });
      const expected = await validateWorkflow(single!, { paths: [], today: '2025-07-01' });
      expect(files).toBe(expected.files);
      const died = diagnostics.filter((diagnostic) => diagnostic.file.includes('dies-here'));
      expect(died.map((diagnostic) => `${diagnostic.severity} ${diagnostic.ruleId} ${diagnostic.message}`)).toEqual([
        'error schema/internal Could not check this file: the worker thread checking it stopped (exit code 3)',
      ]);
      expect(diagnostics.filter((diagnostic) => !diagnostic.file.includes('dies-here'))).toEqual(expected.diagnostics);
    },
    60_000,
  );
});

describe('workers that fail to start', () => {
  it('leave every file to the main thread, with the same diagnostics as one thread', async () => {
    const dir = await freshRepo();
    const entry = new URL('../fixtures/worker-that-fails-to-start/worker.ts', import.meta.url);
    const { workspace } = await openWorkspace(dir, { workers: 2, workerEntry: entry });
    const { workspace: single } = await openWorkspace(dir, { workers: 'off' });
    const options = { paths: [], today: '2025-07-01' };
    expect(await validateWorkflow(workspace!, options)).toEqual(await validateWorkflow(single!, options));
  }, 60_000);
});

describe('the built worker script', () => {
  it('answers a check request with plain data (dist/bin/file-worker.js, as the CLI bundle starts it)', async () => {
    const worker = new Worker(path.join(REPO_ROOT, 'dist/bin/file-worker.js'), { workerData: { config: DEFAULT_CONFIG, templates: null } });
    try {
      const reply = await new Promise<{ id: number; ok: boolean; value: { diagnostics: Array<{ ruleId: string }>; id: { id: string } } }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({
          id: 7,
          kind: 'check',
          file: 'postmortems/a.yaml',
          bytes: new TextEncoder().encode('title: Only a title\n'),
          today: null,
          keep: false,
        });
      });
      expect(reply.id).toBe(7);
      expect(reply.ok).toBe(true);
      expect(reply.value.id.id).toBe('a');
      expect(reply.value.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('schema/required');
    } finally {
      await worker.terminate();
    }
  });
});
