import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMarker } from '../../src/sync/marker.js';
import { createGithubTracker } from '../../src/io/github/tracker.js';
import { FakeGithub } from './fake-github.js';
import { copyFixture, readIncident, runSync, TEST_TOKEN } from './run-sync.js';

let server: FakeGithub;
let dir: string;
const incidentPath = () => path.join(dir, 'postmortems', '2024-01-15-checkout.yaml');

async function editIncident(from: string, to: string): Promise<void> {
  const text = await readIncident(dir);
  if (!text.includes(from)) throw new Error(`fixture lacks ${from}`);
  await writeFile(incidentPath(), text.replace(from, to));
}

beforeEach(async () => {
  server = new FakeGithub({ token: TEST_TOKEN, collaborators: ['alice'] });
  await server.start();
  dir = await copyFixture('sync-basic');
});
afterEach(() => server.stop());

describe('sync against a loopback GitHub', () => {
  it('first sync: one labelled issue per action item, ids and issue numbers written back, nothing else in the YAML changes', async () => {
    const before = await readIncident(dir);
    const run = await runSync(dir, server.url);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('sync: 3 created, 0 updated, 0 closed, 0 unchanged, 0 failed');
    expect(server.issues.map((i) => [i.number, i.title, i.state, i.assignees])).toEqual([
      [1, 'Add a test for the gift card code path', 'open', ['alice']],
      [2, 'Add a canary stage so that a release reaches 1% of traffic first', 'open', []],
      [3, 'Page <b>everyone</b> via @oncall when checkout errors exceed 1%', 'closed', []],
    ]);
    expect(server.issues[0]!.labels).toEqual(['postmortem-action', 'incident:2024-01-15-checkout']);
    expect(server.issues[2]!.body).toContain('&lt;b&gt;everyone&lt;/b&gt; via @\u2060oncall');
    const expected = before
      .replace('    type: prevent\n', '    type: prevent\n    issue: 1\n')
      .replace('  - action: >\n', '  - id: add-a-canary-stage-so-that\n    action: >\n')
      .replace('    deadline: 2024-02-01\n', '    deadline: 2024-02-01\n    issue: 2\n')
      .replace('  - action: Page', '  - id: page-b-everyone-b-via-oncall\n    action: Page')
      .replace('    type: detect\n', '    type: detect\n    issue: 3\n');
    expect(await readIncident(dir)).toBe(expected);
  });

  it('issue bodies link to the post-mortem on the default branch, on the server GITHUB_SERVER_URL names', async () => {
    await server.stop();
    server = new FakeGithub({ token: TEST_TOKEN, collaborators: ['alice'], defaultBranch: 'trunk' });
    await server.start();
    const run = await runSync(dir, server.url, [], { GITHUB_SERVER_URL: 'https://ghe.example.com/' });
    expect(run.code).toBe(0);
    for (const issue of server.issues) {
      expect(issue.body).toContain(
        '- Post-mortem: [`postmortems/2024-01-15-checkout.yaml`](https://ghe.example.com/acme/platform/blob/trunk/postmortems/2024-01-15-checkout.yaml)',
      );
    }
    const rerun = await runSync(dir, server.url);
    // Without GITHUB_SERVER_URL the link is github.com's: every body is updated to it.
    expect(rerun.stdout).toContain('0 created, 3 updated');
    expect(server.issues[0]!.body).toContain('(https://github.com/acme/platform/blob/trunk/postmortems/2024-01-15-checkout.yaml)');
  });

  it('issue bodies name the file from the top of the git checkout when the workspace is a folder inside it', async () => {
    const top = await mkdtemp(path.join(tmpdir(), 'pm-sync-monorepo-'));
    const workspace = path.join(top, 'services', 'checkout');
    await cp(dir, workspace, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: top });
    const run = await runSync(workspace, server.url);
    expect(run.code).toBe(0);
    expect(server.issues[0]!.body).toContain('(https://github.com/acme/platform/blob/main/services/checkout/postmortems/2024-01-15-checkout.yaml)');
  });

  it("two incidents whose long ids share 60 characters get two labels within GitHub's 50", async () => {
    const text = await readIncident(dir);
    const shared = 'checkout-payment-gateway-timeouts-in-the-eu-west-region-afte';
    await writeFile(incidentPath(), `id: ${shared}-primary\n${text}`);
    await writeFile(path.join(dir, 'postmortems', '2024-01-16-replica.yaml'), `id: ${shared}-replica\n${text}`);
    const run = await runSync(dir, server.url);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const incidentLabels = new Set(server.issues.map((issue) => issue.labels.find((label) => label.startsWith('incident:'))!));
    expect(incidentLabels.size).toBe(2);
    for (const label of incidentLabels) expect([...label].length).toBeLessThanOrEqual(50);
    expect(server.issues).toHaveLength(6);
  });

  it('a rerun with nothing changed makes no writes and two requests (the repository, one page of issues)', async () => {
    await runSync(dir, server.url);
    const requestsBefore = server.log.length;
    const run = await runSync(dir, server.url);
    expect(run.stdout).toContain('sync: 0 created, 0 updated, 0 closed, 3 unchanged, 0 failed (2 requests)');
    expect(server.log.slice(requestsBefore).map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/platform',
      'GET /repos/acme/platform/issues',
    ]);
  });

  it('a new action item gets its issue; labels already in use are not created again', async () => {
    await runSync(dir, server.url);
    await editIncident('\nlessons:', '  - id: new-item\n    action: Write a runbook\n\nlessons:');
    const before = server.log.length;
    const run = await runSync(dir, server.url);
    expect(run.stdout).toContain('1 created, 0 updated, 0 closed, 3 unchanged');
    expect(server.log.slice(before).map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/platform',
      'GET /repos/acme/platform/issues',
      'POST /repos/acme/platform/issues',
    ]);
    expect(await readIncident(dir)).toContain('  - id: new-item\n    action: Write a runbook\n    issue: 4\n');
  });

  it('edited action text and deadline update the issue in place', async () => {
    await runSync(dir, server.url);
    await editIncident('Add a test for the gift card code path', 'Add tests for every gift card code path');
    await editIncident('deadline: 2024-01-20', 'deadline: 2024-01-27');
    const run = await runSync(dir, server.url);
    expect(run.stdout).toContain('1 updated');
    expect(server.issues).toHaveLength(3);
    expect(server.issues[0]!.title).toBe('Add tests for every gift card code path');
    expect(server.issues[0]!.body).toContain('- Deadline: 2024-01-27');
  });

  it.each([
    ['closed as completed', { state: 'closed', state_reason: 'completed' }, 'done'],
    ['closed as not planned', { state: 'closed', state_reason: 'not_planned' }, 'wont-do'],
  ] as const)('an issue %s on GitHub writes `%s` back', async (_how, change, status) => {
    await runSync(dir, server.url);
    Object.assign(server.issues[0]!, change);
    const run = await runSync(dir, server.url);
    expect(run.code).toBe(0);
    expect(await readIncident(dir)).toContain(`    type: prevent\n    issue: 1\n    status: ${status}\n`);
    expect(parseMarker(server.issues[0]!.body)?.status).toBe(status);
    const third = await runSync(dir, server.url);
    expect(third.stdout).toContain('3 unchanged');
  });

  it('a reopened issue writes `open` back', async () => {
    await runSync(dir, server.url);
    Object.assign(server.issues[2]!, { state: 'open', state_reason: 'reopened' });
    await runSync(dir, server.url);
    expect(await readIncident(dir)).toMatch(/status: open\n {4}type: detect/);
  });

  it('a status changed differently on both sides is reported and left alone', async () => {
    await runSync(dir, server.url);
    Object.assign(server.issues[0]!, { state: 'closed', state_reason: 'completed' });
    await editIncident('    priority: P1', '    status: wont-do\n    priority: P1');
    const writes = server.writes().length;
    const run = await runSync(dir, server.url, ['--format', 'github']);
    expect(run.stderr).toMatch(/conflict .*add-gift-card-test {2}#1: status conflict/);
    const line = (await readIncident(dir)).split('\n').indexOf('  - id: add-gift-card-test       # keep this comment') + 1;
    expect(run.stdout).toContain(`::warning file=postmortems/2024-01-15-checkout.yaml,line=${line},col=5,`);
    expect(run.stdout).toMatch(/title=sync\/conflict::status conflict: the YAML changed `open` to `wont-do`/);
    expect(server.writes().length).toBe(writes);
    expect(await readIncident(dir)).toContain('status: wont-do');
  });

  it('an owner GitHub refuses as assignee: the issue is created without one, and the run says so', async () => {
    await editIncident('owner: "@alice"', 'owner: "@mallory"');
    const run = await runSync(dir, server.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created without assignee: GitHub refused `mallory`');
    expect(server.issues).toHaveLength(3);
    expect((await runSync(dir, server.url)).stdout).toContain('3 unchanged');
  });

  it('--dry-run prints the plan and writes nothing, neither to GitHub nor to the YAML', async () => {
    const before = await readIncident(dir);
    const run = await runSync(dir, server.url, ['--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^create {5}postmortems\/2024-01-15-checkout.yaml {2}add-gift-card-test/m);
    expect(run.stdout).toContain('(then close as completed)');
    expect(server.writes()).toEqual([]);
    expect(await readIncident(dir)).toBe(before);
  });

  it('an action removed from the YAML is reported; --prune closes its issue as not planned with a comment', async () => {
    await runSync(dir, server.url);
    const text = await readIncident(dir);
    await writeFile(incidentPath(), text.replace(/ {2}- id: add-a-canary[\s\S]*?issue: 2\n/, ''));
    const report = await runSync(dir, server.url);
    expect(report.stdout).toContain('2 unchanged');
    expect(server.issues[1]!.state).toBe('open');
    const pruned = await runSync(dir, server.url, ['--prune']);
    expect(pruned.stdout).toContain('1 closed');
    expect(server.issues[1]).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(server.issues[1]!.comments[0]).toContain('was removed from the post-mortem');
  });

  it('duplicates (from two concurrent runs): the lowest-numbered issue is kept, the others are closed as duplicates', async () => {
    await runSync(dir, server.url);
    const copy = { ...server.issues[0]!, number: 4, comments: [] };
    server.issues.push(copy);
    const run = await runSync(dir, server.url);
    expect(run.stdout).toContain('1 closed');
    expect(server.issues[3]).toMatchObject({ state: 'closed', state_reason: 'duplicate' });
    expect(server.issues[3]!.comments[0]).toContain('Duplicate of #1');
    expect(server.issues[0]!.state).toBe('open');
  });

  it('an issue whose label was removed is found by its number and labelled again, not duplicated', async () => {
    await runSync(dir, server.url);
    server.issues[0]!.labels = ['bug'];
    const run = await runSync(dir, server.url);
    expect(run.stdout).toContain('0 created, 1 updated');
    expect(server.issues).toHaveLength(3);
    expect(server.issues[0]!.labels).toEqual(['bug', 'postmortem-action', 'incident:2024-01-15-checkout']);
  });

  it('an issue whose marker was edited away is taken back by its number, not duplicated', async () => {
    await runSync(dir, server.url);
    server.issues[0]!.body = 'Rewritten by hand on GitHub';
    const run = await runSync(dir, server.url);
    expect(run.stdout).toContain('0 created, 1 updated');
    expect(parseMarker(server.issues[0]!.body)).toEqual({ incident: '2024-01-15-checkout', action: 'add-gift-card-test', status: 'open' });
    expect(server.issues).toHaveLength(3);
  });

  it("an action text past GitHub's body limit is shortened, not refused", async () => {
    await editIncident('Add a test for the gift card code path', `Add a test ${'very '.repeat(14_000)}carefully`);
    const run = await runSync(dir, server.url);
    expect(run.code).toBe(0);
    expect(server.issues[0]!.body!.length).toBeLessThanOrEqual(65_536);
    expect(server.issues[0]!.body).toContain('(shortened');
    expect(server.issues[0]!.title.length).toBeLessThanOrEqual(256);
    expect((await runSync(dir, server.url)).stdout).toContain('3 unchanged');
  });

  it('a file with a BOM and CRLF line endings keeps both', async () => {
    const text = (await readIncident(dir)).replace(/\n/g, '\r\n');
    await writeFile(incidentPath(), `\uFEFF${text}`);
    expect((await runSync(dir, server.url)).code).toBe(0);
    const after = await readIncident(dir);
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain('    type: prevent\r\n    issue: 1\r\n');
  });

  it('shows progress on a terminal', async () => {
    let progress = '';
    const { runCli } = await import('../../src/cli/run.js');
    await runCli(['sync', '--repo', 'acme/platform', '--api-url', server.url], {
      cwd: dir,
      env: { GITHUB_TOKEN: TEST_TOKEN, POSTMORTEM_SYNC_PACE_MS: '0' },
      stdout: () => {},
      stderr: (s) => (progress += s),
      isTTY: true,
    });
    expect(progress).toBe('\rsync 1/3\rsync 2/3\rsync 3/3\n');
  });

  it('a second read of an unchanged page is a conditional request answered 304', async () => {
    await runSync(dir, server.url);
    const tracker = await createGithubTracker({
      connection: { apiUrl: server.url, owner: 'acme', repo: 'platform', token: TEST_TOKEN },
      label: 'postmortem-action',
      paceMs: 0,
      timeoutMs: 2000,
    });
    const first = await tracker.listIssues();
    const second = await tracker.listIssues();
    expect(second).toEqual(first);
    expect(server.log.slice(-2).map((r) => r.status)).toEqual([200, 304]);
  });

  it('with --cache, a no-op rerun is answered with 304s from the ETags of the previous run', async () => {
    await runSync(dir, server.url, ['--cache', '.cache/sync.json']);
    await runSync(dir, server.url, ['--cache', '.cache/sync.json']);
    const before = server.log.length;
    const run = await runSync(dir, server.url, ['--cache', '.cache/sync.json']);
    expect(run.stdout).toContain('3 unchanged');
    expect(server.log.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 304', 'GET 304']);
    const cache = await readFile(path.join(dir, '.cache', 'sync.json'), 'utf8');
    expect(cache).not.toContain(TEST_TOKEN);
  });

  it.each([
    ['the whole folder', []],
    ['PATHS naming only one of the two files', ['postmortems/2024-01-16-copy.yaml']],
  ])("two files with the same incident id (%s): refused, naming both, so neither takes the other's issues", async (_, paths) => {
    const text = await readIncident(dir);
    await writeFile(path.join(dir, 'postmortems', '2024-01-15-checkout.yaml'), `id: checkout\n${text}`);
    await writeFile(path.join(dir, 'postmortems', '2024-01-16-copy.yaml'), `id: checkout\n${text}`);
    const run = await runSync(dir, server.url, paths);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('postmortems/2024-01-16-copy.yaml: not synced: incident id `checkout` is also the id of postmortems/2024-01-15-checkout.yaml');
    expect(server.issues).toHaveLength(0);
    expect(await readIncident(dir, '2024-01-16-copy.yaml')).toBe(`id: checkout\n${text}`);
  });

  it('a wrong token: GitHub refuses the first read and the YAML is left exactly as it was (no ids written)', async () => {
    const before = await readIncident(dir);
    const run = await runSync(dir, server.url, [], { GITHUB_TOKEN: 'ghp_WRONGTOKEN0123456789abcdefWRONG' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).not.toContain('added id');
    expect(await readIncident(dir)).toBe(before);
    expect(server.issues).toHaveLength(0);
  });

  it('a file with errors is reported and not synced, the others still are, and the exit status is 1', async () => {
    await writeFile(path.join(dir, 'postmortems', '2024-02-01-broken.yaml'), 'title: Broken\n');
    const run = await runSync(dir, server.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2024-02-01-broken.yaml: not synced');
    expect(server.issues).toHaveLength(3);
    expect(run.stdout).toContain('3 created');
    expect(await readFile(incidentPath(), 'utf8')).toContain('issue: 3');
  });
});
