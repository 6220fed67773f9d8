/**
 * `command: sync` with `commit: true`, run from the committed bundle in a
 * clone of a temporary repository on `main`: issues are created on the fake
 * GitHub, the write-back and the re-rendered reports are committed as
 * github-actions[bot] and pushed; then `command: report` commits the
 * tracker page. A second run of each has nothing to commit and still passes.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBuild, planBuild } from '../../src/workflows/build.js';
import { BOT_NAME } from '../../src/io/git.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { FakeGithub } from '../sync/fake-github.js';
import { clonedRepo, commitAll, git } from './git-repo.js';
import { REPO_ROOT, runBundle, type BundleRun } from './run-bundle.js';

const TOKEN = 'ghs_commitModeToken9876543210';
let repo: Awaited<ReturnType<typeof clonedRepo>>;
let github: FakeGithub;

function step(inputs: Record<string, string>): Promise<BundleRun> {
  return runBundle({
    workspace: repo.clone,
    apiUrl: github.url,
    eventName: 'push',
    event: { ref: 'refs/heads/main', repository: { full_name: 'acme/platform', default_branch: 'main' } },
    inputs: { 'github-token': TOKEN, commit: 'true', ...inputs },
    env: { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', POSTMORTEM_SYNC_PACE_MS: '0', POSTMORTEM_NOW: '2025-03-20T12:00:00Z' },
  });
}

beforeAll(async () => {
  repo = await clonedRepo();
  await cp(path.join(REPO_ROOT, 'test/fixtures/action-pull-request'), repo.clone, { recursive: true });
  const { workspace } = await openWorkspace(repo.clone);
  await applyBuild(workspace!, (await planBuild(workspace!, [], { outDir: null })).items!);
  commitAll(repo.clone, 'Add post-mortems');
  github = new FakeGithub({ token: TOKEN, collaborators: [] });
  await github.start();
});

afterAll(async () => {
  await github.stop();
  await repo.cleanup();
});

describe('sync with commit: true', () => {
  let first: BundleRun;

  it('creates one issue per action item and commits the write-back as the bot', async () => {
    first = await step({ command: 'sync' });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(github.issues.map((i) => i.title).sort()).toEqual([
      'Add a lower bound for the cache size to the config schema',
      'Alert when the proxy worker pool is 80% busy',
    ]);
    const [head] = git(repo.remote, 'log', '-1', '--format=%an|%s', 'main').trim().split('\n');
    expect(head).toMatch(new RegExp(`^${BOT_NAME.replace(/[[\]]/g, '\\$&')}\\|postmortem sync: `));
    const pushed = git(repo.remote, 'show', 'main:postmortems/2025-02-03-cache-eviction.yaml');
    expect(pushed).toMatch(/\n {4}issue: \d+\n/);
    expect(first.summary).toContain('Committed');
    expect([first.stdout, first.stderr, first.summary].join('\n')).not.toContain(TOKEN);
  });

  it('leaves the reports current, so the check passes on the pushed tree', async () => {
    const check = await runBundle({ workspace: repo.clone, eventName: 'push', inputs: { command: 'check' } });
    expect(check.stdout).not.toContain('build/stale-report');
  });

  it('a second run has nothing to commit and passes', async () => {
    const before = git(repo.remote, 'rev-parse', 'main').trim();
    const second = await step({ command: 'sync' });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(git(repo.remote, 'rev-parse', 'main').trim()).toBe(before);
    expect(second.summary).toContain('Nothing to commit');
    expect(github.issues).toHaveLength(2);
  });

  it('reads the YAML back as pushed', async () => {
    const local = await readFile(path.join(repo.clone, 'postmortems/2025-02-03-cache-eviction.yaml'), 'utf8');
    expect(git(repo.remote, 'show', 'main:postmortems/2025-02-03-cache-eviction.yaml')).toBe(local);
  });

  it('fails the step without a request while another sync holds the workspace lock', async () => {
    const lock = path.join(repo.clone, '.postmortem-sync.lock');
    // This test process is alive on this host: the lock is held, not stale.
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
    const requests = github.log.length;
    try {
      const run = await step({ command: 'sync' });
      expect(run.code).not.toBe(0);
      expect(run.stdout + run.stderr).toContain(`postmortem sync: another sync is running in this workspace (process ${process.pid} on ${hostname()}`);
      expect(github.log.length).toBe(requests);
    } finally {
      await rm(lock, { force: true });
    }
  });
});

describe('report with commit: true', () => {
  it('writes the tracker page and commits it as the bot', async () => {
    const run = await step({ command: 'report' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(git(repo.remote, 'log', '-1', '--format=%an|%s', 'main').trim()).toBe(`${BOT_NAME}|postmortem report: regenerate the incident index`);
    const page = git(repo.remote, 'show', 'main:postmortems/README.md');
    expect(page).toContain('Product pages slowed when the cache evicted hot keys');
    expect(run.summary).toContain('wrote postmortems/README.md');
  });

  it('a second run has nothing to commit', async () => {
    const before = git(repo.remote, 'rev-parse', 'main').trim();
    const run = await step({ command: 'report' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('Nothing to commit');
    expect(git(repo.remote, 'rev-parse', 'main').trim()).toBe(before);
  });
});
