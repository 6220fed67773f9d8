/**
 * The committed bundle, run as a runner runs it, against the loopback fake
 * GitHub: a pull request's check annotates, summarises, sets outputs, keeps
 * one comment current across runs, applies the review gate both ways, and
 * never prints the token.
 */
import { cp, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBuild, planBuild } from '../../src/workflows/build.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { FakeGithub } from '../sync/fake-github.js';
import { pullRequestEvent, REPO_ROOT, runBundle, type BundleRun } from './run-bundle.js';

const TOKEN = 'ghs_runnerTestToken0123456789';
const PUBLISHED = 'postmortems/2025-02-03-cache-eviction.yaml';
const BLAMING = 'postmortems/2025-02-10-login-timeouts.yaml';
const BASE_SHA = 'ba5e'.padEnd(40, '0');

let workspace: string;
let github: FakeGithub;

/** The fixture repository with every report rendered except the blaming incident's. */
async function freshWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'postmortem-action-'));
  await cp(path.join(REPO_ROOT, 'test/fixtures/action-pull-request'), dir, { recursive: true });
  const { workspace: ws } = await openWorkspace(dir);
  await applyBuild(ws!, (await planBuild(ws!, [], { outDir: null })).items!);
  await unlink(path.join(dir, BLAMING.replace('.yaml', '.md')));
  return dir;
}

function addPull(fake: FakeGithub, reviews: Array<{ user: string; state: string }> = []) {
  // 150 other files: the changed-file list takes two pages.
  const others = Array.from({ length: 150 }, (_, i) => ({ filename: `src/file-${i}.ts`, status: 'modified' }));
  fake.pulls.add({
    number: 7,
    author: 'dana',
    files: [...others, { filename: PUBLISHED, status: 'modified' }, { filename: BLAMING, status: 'added' }],
    reviews,
  });
}

async function check(fake: FakeGithub, inputs: Record<string, string> = {}): Promise<BundleRun> {
  return runBundle({ workspace, apiUrl: fake.url, event: pullRequestEvent(7, 'dana'), inputs: { command: 'check', 'github-token': TOKEN, ...inputs } });
}

function expectNoToken(run: BundleRun, fake: FakeGithub): void {
  const everything = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), ...fake.pulls.comments.map((c) => c.body)].join('\n');
  expect(everything).not.toContain(TOKEN);
}

beforeAll(async () => {
  workspace = await freshWorkspace();
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe('check on a pull request', () => {
  beforeAll(async () => {
    github = new FakeGithub({ token: TOKEN });
    await github.start();
    addPull(github);
    const base = await readFile(path.join(workspace, PUBLISHED), 'utf8');
    github.pulls.setContent(BASE_SHA, PUBLISHED, base.replace('status: published', 'status: in-review'));
  });
  afterAll(() => github.stop());

  let first: BundleRun;

  it('annotates the changed files, most severe first, and fails on errors', async () => {
    first = await check(github);
    expect(first.code).toBe(1);
    const annotations = first.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line));
    expect(annotations.map((line) => `::${line.split('::')[1]!.replace(/,endLine=\d+,endColumn=\d+/, '')}`)).toEqual([
      `::error file=${PUBLISHED},line=4,col=9,title=review/approvals`,
      `::error file=${BLAMING},title=build/stale-report`,
      `::error file=${BLAMING},line=26,col=7,title=blame/human-error`,
      `::warning file=${BLAMING},line=8,col=1,title=structure/impact-number`,
    ]);
    expect(first.stdout).toContain('Publishing a SEV2 post-mortem needs 1 approving review on the pull request; it has none yet');
    expect(first.outputs).toEqual({ errors: '3', warnings: '1', files: '2' });
    expectNoToken(first, github);
  });

  it('reads every page of the changed files', () => {
    expect(github.log.some((r) => r.path.includes('/pulls/7/files') && r.path.includes('page=2'))).toBe(true);
  });

  it('writes a job summary with the findings table and the metrics', () => {
    expect(first.summary).toContain('## Post-mortems: `check` found 3 errors, 1 warning in 2 files');
    expect(first.summary).toContain(`| ❌ error | ${PUBLISHED}:4:9 | \`review/approvals\` |`);
    expect(first.summary).toMatch(
      /\| Product pages slowed when the cache evicted hot keys<br>postmortems\/2025-02-03-cache-eviction\.yaml \| SEV2 \| published \| 4m \| 7m \| 28m \| 40m \|/,
    );
  });

  it('posts one comment with a hidden marker', () => {
    expect(github.pulls.comments).toHaveLength(1);
    expect(github.pulls.comments[0]!.body).toContain('<!-- postmortem-action:check -->');
    expect(github.pulls.comments[0]!.body).toContain('3 errors, 1 warning');
  });

  it('after an approval, the gate passes and the same comment is updated', async () => {
    github.pulls.pulls.get(7)!.reviews.push({ user: 'dana', state: 'APPROVED' }, { user: 'kim', state: 'APPROVED' });
    const second = await check(github);
    expect(second.stdout).not.toContain('review/approvals');
    expect(second.outputs).toEqual({ errors: '2', warnings: '1', files: '2' });
    expect(github.pulls.comments).toHaveLength(1);
    expect(github.pulls.comments[0]!.edits).toBe(1);
    expect(github.pulls.comments[0]!.body).toContain('2 errors, 1 warning');
    expectNoToken(second, github);
  });

  it('once the findings are fixed, the comment says all clear and the step passes', async () => {
    const file = path.join(workspace, BLAMING);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Human error by the operator.', 'The pool size had no alert').replace('About a third of login', 'About 30% of login'));
    const { workspace: ws } = await openWorkspace(workspace);
    await applyBuild(ws!, (await planBuild(ws!, [], { outDir: null })).items!);
    const third = await check(github);
    expect(third.code).toBe(0);
    expect(third.outputs).toEqual({ errors: '0', warnings: '0', files: '2' });
    expect(github.pulls.comments).toHaveLength(1);
    expect(github.pulls.comments[0]!.body).toContain('all clear');
  });

  it('fail-on: never reports but does not fail', async () => {
    await unlink(path.join(workspace, BLAMING.replace('.yaml', '.md')));
    const run = await check(github, { 'fail-on': 'never' });
    expect(run.code).toBe(0);
    expect(run.outputs.errors).toBe('1');
  });
});

describe('check on a fork pull request (read-only token)', () => {
  it('still annotates and summarises, and says it could not comment', async () => {
    const fork = new FakeGithub({ token: TOKEN, readOnly: true });
    await fork.start();
    try {
      addPull(fork, [{ user: 'kim', state: 'APPROVED' }]);
      const run = await runBundle({
        workspace,
        apiUrl: fork.url,
        event: pullRequestEvent(7, 'dana', { fork: true }),
        inputs: { command: 'check', 'github-token': TOKEN },
      });
      expect(run.stdout).toContain(`::error file=${BLAMING},title=build/stale-report`);
      expect(run.summary).toContain('Could not comment on pull request #7');
      expect(run.summary).toContain('a pull request from a fork gets a read-only token');
      expect(run.stdout).toContain('::warning::Could not comment on pull request #7');
      expect(fork.pulls.comments).toHaveLength(0);
      expectNoToken(run, fork);
    } finally {
      await fork.stop();
    }
  });
});

describe('check on a pull request that edits a rendered report by hand', () => {
  it('finds the report out of date against its YAML', async () => {
    const dir = await freshWorkspace();
    const fake = new FakeGithub({ token: TOKEN });
    await fake.start();
    try {
      const report = PUBLISHED.replace('.yaml', '.md');
      await writeFile(path.join(dir, report), `${await readFile(path.join(dir, report), 'utf8')}\nEdited by hand.\n`);
      fake.pulls.add({ number: 8, author: 'dana', files: [{ filename: report, status: 'modified' }], reviews: [] });
      const run = await runBundle({
        workspace: dir,
        apiUrl: fake.url,
        event: pullRequestEvent(8, 'dana'),
        inputs: { command: 'check', 'github-token': TOKEN, comment: 'false' },
      });
      expect(run.stdout).toContain(`::error file=${PUBLISHED},title=build/stale-report::Its rendered report \`${report}\` is out of date`);
      expect(run.outputs.files).toBe('1');
      expect(fake.pulls.comments).toHaveLength(0);
    } finally {
      await fake.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('check on a pull request that renames an incident file', () => {
  it('fails on the report the old name left behind, and not on older leftovers elsewhere', async () => {
    const dir = await freshWorkspace();
    const fake = new FakeGithub({ token: TOKEN });
    await fake.start();
    try {
      const renamed = PUBLISHED.replace('cache-eviction', 'cache-eviction-eu');
      await rename(path.join(dir, PUBLISHED), path.join(dir, renamed));
      await applyBuild((await openWorkspace(dir)).workspace!, (await planBuild((await openWorkspace(dir)).workspace!, [renamed], { outDir: null })).items!);
      fake.pulls.add({ number: 9, author: 'dana', files: [{ filename: renamed, status: 'renamed', previous_filename: PUBLISHED }], reviews: [] });
      const inputs = { command: 'check', 'github-token': TOKEN, comment: 'false' };
      const run = await runBundle({ workspace: dir, apiUrl: fake.url, event: pullRequestEvent(9, 'dana'), inputs });
      const leftover = PUBLISHED.replace('.yaml', '.md');
      expect(run.stdout).toContain(
        `::error file=${leftover},title=build/orphaned-report::\`${leftover}\` was generated from \`${path.basename(PUBLISHED)}\`, which no longer exists; the report can be deleted`,
      );
      expect(run.code).toBe(1);

      // Another pull request that touches neither file is not blamed for the leftover.
      fake.pulls.add({ number: 10, author: 'dana', files: [{ filename: renamed, status: 'modified' }], reviews: [] });
      const other = await runBundle({ workspace: dir, apiUrl: fake.url, event: pullRequestEvent(10, 'dana'), inputs });
      expect(other.stdout).not.toContain('build/orphaned-report');
    } finally {
      await fake.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('bad inputs', () => {
  it.each([
    [{ command: 'publish' }, 'Input `command` must be one of `check`, `sync`, `report`; got `publish`'],
    [{ 'fail-on': 'sometimes' }, 'Input `fail-on` must be one of `error`, `warning`, `never`; got `sometimes`'],
  ])('%j fails the step naming the input', async (inputs, message) => {
    const run = await runBundle({ workspace, inputs: { 'github-token': TOKEN, ...inputs } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::${message}`);
    expect(run.stdout).not.toContain(TOKEN);
  });
});
