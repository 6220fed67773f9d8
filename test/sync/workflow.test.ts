/**
 * The sync workflow as the CLI and the Action call it, against a loopback
 * GitHub: it reads each incident file once per run, its results come back as
 * diagnostics (`--format json|sarif`), and a removed item is reported on the
 * incident's file, not on its id.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/io/workspace.js';
import { createGithubTracker } from '../../src/io/github/tracker.js';
import type { Workspace } from '../../src/workflows/workspace.js';
import { syncWorkflow } from '../../src/workflows/sync.js';
import { FakeGithub } from './fake-github.js';
import { copyFixture, readIncident, runSync, TEST_TOKEN } from './run-sync.js';

let server: FakeGithub;
let dir: string;

beforeEach(async () => {
  server = new FakeGithub({ token: TEST_TOKEN, collaborators: ['alice'] });
  await server.start();
  dir = await copyFixture('sync-basic');
});
afterEach(() => server.stop());

/** The workspace at `dir`, counting how often each file is read. */
async function countingWorkspace(): Promise<{ workspace: Workspace; reads: Map<string, number> }> {
  const { workspace } = await openWorkspace(dir);
  const reads = new Map<string, number>();
  const counted: Workspace = {
    ...workspace!,
    readBytes: (file) => (reads.set(file, (reads.get(file) ?? 0) + 1), workspace!.readBytes(file)),
  };
  return { workspace: counted, reads };
}

const tracker = () =>
  createGithubTracker({
    connection: { apiUrl: server.url, owner: 'acme', repo: 'platform', token: TEST_TOKEN },
    label: 'postmortem-action',
    paceMs: 0,
    timeoutMs: 2000,
  });

describe('syncWorkflow', () => {
  it('reads each incident file once, although a first sync writes ids and issue numbers back', async () => {
    const { workspace, reads } = await countingWorkspace();
    const run = await syncWorkflow(workspace, await tracker(), { paths: [], dryRun: false, prune: false });
    expect(run.results.filter((r) => r.outcome === 'created').length).toBeGreaterThan(0);
    expect(run.files.some((f) => f.addedIds > 0)).toBe(true);
    expect([...reads.values()].every((count) => count === 1)).toBe(true);
    expect(await readIncident(dir)).toMatch(/issue: 1/);
  });

  it('reports a removed action item on the incident file', async () => {
    await runSync(dir, server.url);
    const file = path.join(dir, 'postmortems', '2024-01-15-checkout.yaml');
    await writeFile(file, (await readIncident(dir)).replace(/ {2}- id: add-a-canary[\s\S]*?issue: 2\n/, ''));
    const { workspace } = await countingWorkspace();
    const run = await syncWorkflow(workspace, await tracker(), { paths: [], dryRun: false, prune: false });
    expect(run.diagnostics).toEqual([expect.objectContaining({ file: 'postmortems/2024-01-15-checkout.yaml', ruleId: 'sync/removed', severity: 'warning' })]);
  });
});

describe('sync --format', () => {
  it.each(['json', 'sarif'])('%s: stdout is only the diagnostics, the report goes to stderr', async (format) => {
    await runSync(dir, server.url);
    Object.assign(server.issues[0]!, { state: 'closed', state_reason: 'completed' });
    const file = path.join(dir, 'postmortems', '2024-01-15-checkout.yaml');
    await writeFile(file, (await readIncident(dir)).replace('    priority: P1', '    status: wont-do\n    priority: P1'));
    const run = await runSync(dir, server.url, ['--format', format]);
    const parsed = JSON.parse(run.stdout) as unknown;
    const text = JSON.stringify(parsed);
    expect(text).toContain('sync/conflict');
    expect(text).toContain('postmortems/2024-01-15-checkout.yaml');
    expect(run.stderr).toMatch(/conflict .*add-gift-card-test/);
    expect(run.stderr).toMatch(/unchanged/);
  });
});

describe('sync keeps the reports current', () => {
  it('re-renders a built report it wrote issue numbers into, says so, and build --check passes afterwards', async () => {
    const { runCli } = await import('../../src/cli/run.js');
    const cli = async (argv: string[]) => {
      let out = '';
      const code = await runCli(argv, { cwd: dir, env: {}, stdout: (s) => (out += s), stderr: (s) => (out += s), isTTY: false });
      return { code, out };
    };
    expect((await cli(['build'])).code).toBe(0);
    const run = await runSync(dir, server.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('postmortems/2024-01-15-checkout.md: report re-rendered');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path.join(dir, 'postmortems', '2024-01-15-checkout.md'), 'utf8')).toMatch(/#1\b/);
    expect(await cli(['build', '--check'])).toEqual({ code: 0, out: expect.any(String) });
  });

  it('leaves a report that was never built alone', async () => {
    const run = await runSync(dir, server.url);
    expect(run.stdout).not.toContain('re-rendered');
    expect(await (await import('node:fs/promises')).readdir(path.join(dir, 'postmortems'))).toEqual(['2024-01-15-checkout.yaml']);
  });
});
