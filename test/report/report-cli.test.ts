/**
 * `postmortem report` in-process through runCli, on a copy of the fixture
 * set test/fixtures/report-tracker/ (several quarters, every severity in
 * use, three time zones with a DST crossing, every action state, hostile
 * text, one invalid file). The page and the JSON are golden files.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';
import { readPublicationDates } from '../../src/io/git-history.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/report-tracker');
const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(copyFixture = true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'postmortem-report-'));
  temporary.push(dir);
  if (copyFixture) {
    cpSync(path.join(fixture, 'postmortems'), path.join(dir, 'postmortems'), { recursive: true });
    cpSync(path.join(fixture, 'postmortem.config.yaml'), path.join(dir, 'postmortem.config.yaml'));
  }
  return dir;
}

async function report(cwd: string, args: string[], env: Record<string, string> = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { cwd, env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY };
  const code = await runCli(['report', ...args], io);
  return { code, stdout, stderr };
}

describe('postmortem report', () => {
  it('renders the tracker page (golden file)', async () => {
    const dir = scratch();
    const result = await report(dir, ['--now', '2025-07-01']);
    // The invalid file is listed on the page and on stderr, and makes the run fail.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('postmortems/2025-02-30-broken.yaml');
    expect(result.stdout).toBe('wrote postmortems/README.md: 4 incidents, 4 overdue action items, 1 file could not be read.\n');
    const page = readFileSync(path.join(dir, 'postmortems/README.md'), 'utf8');
    await expect(page).toMatchFileSnapshot('../fixtures/report-tracker/expected-README.md');
  });

  it('gives the same content as JSON (golden file)', async () => {
    const result = await report(scratch(), ['--format', 'json'], { POSTMORTEM_NOW: '2025-07-01T12:00:00Z' });
    await expect(result.stdout).toMatchFileSnapshot('../fixtures/report-tracker/expected-report.json');
    const json = JSON.parse(result.stdout);
    expect(json.action_items.overdue.map((item: { id: string; days_overdue: number }) => [item.id, item.days_overdue])).toEqual([
      ['autoscale-indexer', 273],
      ['pool-alert', 213],
      ['unowned-late', 150],
      ['browser-matrix', 122],
    ]);
    expect(json.unreadable).toEqual([
      { file: 'postmortems/2025-02-30-broken.yaml', line: 1, column: 1, rule_id: 'schema/required', message: 'Missing required field `summary`' },
    ]);
  });

  it('links issue numbers to the server `sync.server_url` names (GitHub Enterprise Server)', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'postmortem.config.yaml'), 'sync:\n  repo: acme/shop\n  server_url: https://github.example.com\n');
    const json = JSON.parse((await report(dir, ['--format', 'json', '--now', '2025-07-01'])).stdout);
    const urls: string[] = [...json.action_items.overdue, ...json.action_items.no_owner].flatMap((item: { issue_url: string | null }) => item.issue_url ?? []);
    expect(urls).toContain('https://github.example.com/acme/shop/issues/41');
    expect(urls.every((url) => url.startsWith('https://github.example.com/acme/shop/issues/'))).toBe(true);
  });

  it('is byte-stable for the same inputs and --now', async () => {
    const first = await report(scratch(), ['--now', '2025-07-01', '--out', '-']);
    const second = await report(scratch(), ['--now', '2025-07-01', '--out', '-']);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout.length).toBeGreaterThan(1000);
  });

  it('escapes hostile text in tables, links and charts', async () => {
    const { stdout } = await report(scratch(), ['--now', '2025-07-01', '--out', '-']);
    expect(stdout).not.toMatch(/(?<!\\)<script>/);
    expect(stdout).not.toMatch(/(?<!\\)<b>/);
    expect(stdout).not.toMatch(/@everyone|@kenji/);
    expect(stdout).toContain('Checkout \\| cart \\<script>');
    // A newline in a factor stays inside its table cell.
    expect(stdout).toContain('; Bulk updates share one queue \\| with live<br>updates |');
    for (const [, chart] of stdout.matchAll(/```mermaid\n([\s\S]*?)```/g)) expect(chart).not.toMatch(/[<`|@]/);
  });

  it('--check passes on the page it wrote (its own day, not today) and fails once an input changes', async () => {
    const dir = scratch();
    rmSync(path.join(dir, 'postmortems/2025-02-30-broken.yaml'));
    expect((await report(dir, ['--now', '2025-07-01'])).code).toBe(0);
    expect(await report(dir, ['--check'])).toEqual({ code: 0, stdout: 'postmortems/README.md is up to date.\n', stderr: '' });
    const file = path.join(dir, 'postmortems/2024-08-05-search-index-lag.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: in-progress', 'status: done'));
    const stale = await report(dir, ['--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('out of date: postmortems/README.md');
  });

  it('--fail-on-overdue exits 1 when any item is overdue, 0 when none is', async () => {
    const dir = scratch();
    rmSync(path.join(dir, 'postmortems/2025-02-30-broken.yaml'));
    expect((await report(dir, ['--now', '2024-08-06', '--fail-on-overdue', '--out', '-'])).code).toBe(0);
    const late = await report(dir, ['--now', '2025-07-01', '--fail-on-overdue']);
    expect(late.code).toBe(1);
    expect(late.stderr).toBe('4 action items are overdue as of 2025-07-01.\n');
    const printed = await report(dir, ['--now', '2025-07-01', '--fail-on-overdue', '--format', 'json']);
    expect(printed.code).toBe(1);
    expect(JSON.parse(printed.stdout).action_items.overdue).toHaveLength(4);
    expect(printed.stderr).toBe('4 action items are overdue as of 2025-07-01.\n');
  });

  it('never replaces a README.md it did not write', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'postmortems/README.md'), '# Our incidents\n');
    const result = await report(dir, ['--now', '2025-07-01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`postmortems/README.md` was not written by postmortem report');
    expect(readFileSync(path.join(dir, 'postmortems/README.md'), 'utf8')).toBe('# Our incidents\n');
  });

  it('gives an empty, valid report for an empty folder', async () => {
    const dir = scratch(false);
    mkdirSync(path.join(dir, 'postmortems'));
    const result = await report(dir, ['--now', '2025-07-01', '--out', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('As of 2025-07-01: 0 incidents');
    expect(result.stdout).toContain('No published incidents.');
    expect(result.stdout).not.toContain('```mermaid');
    const json = JSON.parse((await report(dir, ['--now', '2025-07-01', '--format', 'json'])).stdout);
    expect(json.totals).toEqual({ incidents: 0, published: 0, in_review: 0, draft: 0, unreadable: 0 });
  });

  it('--out writes the page elsewhere, with its links relative to that place', async () => {
    const dir = scratch();
    rmSync(path.join(dir, 'postmortems/2025-02-30-broken.yaml'));
    expect(await report(dir, ['--now', '2025-07-01', '--out', 'docs/tracker.md'])).toMatchObject({
      code: 0,
      stdout: 'wrote docs/tracker.md: 4 incidents, 4 overdue action items.\n',
    });
    const page = readFileSync(path.join(dir, 'docs/tracker.md'), 'utf8');
    expect(page).toContain('[Payment timeouts during the clock change](../postmortems/2024-11-03-payments-timeouts-dst.md)');
    expect(existsSync(path.join(dir, 'postmortems/README.md'))).toBe(false);
    // The JSON can be written to a file and checked the same way.
    expect((await report(dir, ['--now', '2025-07-01', '--format', 'json', '--out', 'tracker.json'])).code).toBe(0);
    expect(await report(dir, ['--format', 'json', '--out', 'tracker.json', '--check'])).toMatchObject({ code: 0, stdout: 'tracker.json is up to date.\n' });
  });

  it('uses a section template from the configured templates folder, the built-in ones for the rest', async () => {
    const dir = scratch();
    rmSync(path.join(dir, 'postmortems/2025-02-30-broken.yaml'));
    mkdirSync(path.join(dir, 'my-templates/report/partials'), { recursive: true });
    writeFileSync(
      path.join(dir, 'my-templates/report/partials/clusters.hbs'),
      '## Hot spots\n\n{{#each clusters.services}}- {{inline name}}: {{count}}\n{{/each}}\n',
    );
    writeFileSync(path.join(dir, 'postmortem.config.yaml'), `templates: my-templates\n${readFileSync(path.join(dir, 'postmortem.config.yaml'), 'utf8')}`);
    const { stdout, code } = await report(dir, ['--now', '2025-07-01', '--out', '-']);
    expect(code).toBe(0);
    expect(stdout).toContain('## Hot spots\n\n- catalogue-api: 4\n- checkout\\|web: 1\n');
    expect(stdout).not.toContain('## Where incidents cluster');
    expect(stdout).toContain('## Action items');
  });

  it.each([
    [true, 'shows progress on a terminal and clears it', /^(\rreading \d\/4)+\r\u001b\[K$/],
    [false, 'is silent when no one watches (CI, a pipe)', /^$/],
  ])('isTTY %s: %s', async (isTTY, _, stderr) => {
    const dir = scratch();
    rmSync(path.join(dir, 'postmortems/2025-02-30-broken.yaml'));
    const result = await report(dir, ['--now', '2025-07-01'], {}, isTTY);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(stderr);
  });

  it.each([
    [['--now', 'yesterday'], '--now takes an ISO 8601 date or time'],
    [['--format', 'html'], 'html'],
    [['postmortems/'], 'takes no paths'],
  ])('%j is a usage error', async (args, message) => {
    const result = await report(scratch(), args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('validate and the tracker rules', () => {
  it('warns at the field about a declined item without reason and every policy breach', async () => {
    const dir = scratch();
    rmSync(path.join(dir, 'postmortems/2025-02-30-broken.yaml'));
    let stdout = '';
    const io: CommandIO = { cwd: dir, env: { POSTMORTEM_NOW: '2025-07-01' }, stdout: (t) => void (stdout += t), stderr: () => {}, isTTY: false };
    expect(await runCli(['validate', '--format', 'json'], io)).toBe(0);
    const found = (JSON.parse(stdout) as Array<{ file: string; line: number; path: string; ruleId: string }>).map(
      (d) => `${d.file.slice(12)}:${d.line} ${d.path} ${d.ruleId}`,
    );
    expect(found).toEqual([
      '2024-11-03-payments-timeouts-dst.yaml:44 action_items[1].deadline policy/action-deadline',
      '2025-01-20-checkout-hostile-text.yaml:5 status policy/review-age',
      '2025-01-20-checkout-hostile-text.yaml:35 action_items[0].deadline policy/action-deadline',
      '2025-01-20-checkout-hostile-text.yaml:47 action_items[3].status schema/wont-do-reason',
      '2025-05-12-catalogue-draft.yaml:4 status policy/draft-age',
    ]);
  });
});

function gitIn(dir: string) {
  return (args: string[], date: string) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });
}

describe('publication dates from git', () => {
  it('reads the first commit that set status: published, and nothing outside git', async () => {
    const dir = scratch(false);
    expect(await readPublicationDates(dir, 'postmortems')).toBeNull();
    const git = gitIn(dir);
    git(['init', '-q'], '2024-01-01T00:00:00Z');
    mkdirSync(path.join(dir, 'postmortems'));
    const file = path.join(dir, 'postmortems/a.yaml');
    writeFileSync(file, 'title: A\nstatus: draft\n');
    git(['add', '.'], '2024-02-01T10:00:00Z');
    git(['commit', '-qm', 'draft'], '2024-02-01T10:00:00Z');
    writeFileSync(file, 'title: A\nstatus: published\n');
    git(['commit', '-qam', 'publish'], '2024-02-10T10:00:00Z');
    writeFileSync(file, 'title: A (edited)\nstatus: "published"\n');
    git(['commit', '-qam', 'edit'], '2024-03-01T10:00:00Z');
    expect(await readPublicationDates(dir, 'postmortems')).toEqual(new Map([['postmortems/a.yaml', '2024-02-10']]));
  });
  it('gives the review lag of an incident published without `published_on` from the commit that published it', async () => {
    const dir = scratch();
    rmSync(path.join(dir, 'postmortems/2025-02-30-broken.yaml'));
    const git = gitIn(dir);
    git(['init', '-q'], '2025-01-21T09:00:00Z');
    git(['add', '.'], '2025-01-21T09:00:00Z');
    git(['commit', '-qm', 'in review'], '2025-01-21T09:00:00Z');
    const file = path.join(dir, 'postmortems/2025-01-20-checkout-hostile-text.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: in-review', 'status: published'));
    git(['commit', '-qam', 'publish'], '2025-02-04T16:00:00Z');
    const json = JSON.parse((await report(dir, ['--now', '2025-07-01', '--format', 'json'])).stdout);
    const entry = json.incidents.find((incident: { id: string }) => incident.id === '2025-01-20-checkout-hostile-text');
    // Resolved 2025-01-20 15:00 in Tokyo; published 2025-02-04: 15 days.
    expect(entry).toMatchObject({ status: 'published', published_on: '2025-02-04', published_from: 'git', review_lag_days: 15 });
    // Over the three published incidents, lags 4, 9 and 15 days: median 9, p90 (rank 3) 15.
    expect(json.trends.review_lag_days).toEqual({ count: 3, median: 9, p90: 15 });
  });
});
