import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuiltCli, scratchRepo } from './built-cli.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function repoWithExamples(): Promise<string> {
  const repo = await scratchRepo({ postmortems: 'postmortems' });
  cleanups.push(repo.cleanup);
  return repo.dir;
}

const BROKEN = 'title: Broken\ndate: 2024-02-30\nseverity: SEV2\n';

describe('postmortem build (built CLI, subprocess)', () => {
  it('reports the committed examples as up to date with --check', async () => {
    const dir = await repoWithExamples();
    const result = await runBuiltCli(['build', '--check'], dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('3 reports up to date.\n');
  });

  it('fails --check on a stale report and writes nothing', async () => {
    const dir = await repoWithExamples();
    const report = path.join(dir, 'postmortems/2024-01-15-checkout-gift-card-errors.md');
    await writeFile(report, 'stale\n');
    const result = await runBuiltCli(['build', '--check'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('out of date: postmortems/2024-01-15-checkout-gift-card-errors.md');
    expect(await readFile(report, 'utf8')).toBe('stale\n');
  });

  it('builds the valid files, reports the broken one on stderr and writes nothing for it', async () => {
    const dir = await repoWithExamples();
    await writeFile(path.join(dir, 'postmortems/2024-02-01-broken.yaml'), BROKEN);
    const result = await runBuiltCli(['build', '--out', 'reports'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('3 written, 0 unchanged, 1 failed.');
    expect(result.stderr).toContain('postmortems/2024-02-01-broken.yaml');
    expect(result.stderr).toMatch(/2:7-2:17 +error +`2024-02-30` is not a real calendar day/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect((await readdir(path.join(dir, 'reports'))).sort()).toEqual([
      '2024-01-15-checkout-gift-card-errors.md',
      '2024-03-09-eu-network-partition.md',
      '2024-06-02-orders-db-connection-exhaustion.md',
    ]);
  });

  it('leaves unchanged reports untouched on a second build', async () => {
    const dir = await repoWithExamples();
    const report = path.join(dir, 'postmortems/2024-03-09-eu-network-partition.md');
    const before = (await stat(report)).mtimeMs;
    const result = await runBuiltCli(['build'], dir);
    expect(result).toMatchObject({ code: 0, stdout: '0 written, 3 unchanged, 0 failed.\n' });
    expect((await stat(report)).mtimeMs).toBe(before);
  });

  it('exits 2 on an unknown flag, with the usage hint on stderr', async () => {
    const dir = await repoWithExamples();
    const result = await runBuiltCli(['build', '--chek'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown option `--chek`; did you mean `--check`?');
  });
});

describe('postmortem show (built CLI, subprocess)', () => {
  it('prints the model as JSON with instants and metrics in seconds', async () => {
    const dir = await repoWithExamples();
    const result = await runBuiltCli(['show', 'postmortems/2024-01-15-checkout-gift-card-errors.yaml', '--format', 'json'], dir);
    expect(result.code).toBe(0);
    const model = JSON.parse(result.stdout) as { timeline: Array<{ at: string }>; metrics: Record<string, number | null> };
    expect(model.timeline[1]!.at).toBe('2024-01-15T09:00:00.000Z'); // 10:00 Europe/Berlin (CET)
    expect(model.metrics).toEqual({ time_to_detect: 180, time_to_acknowledge: 360, time_to_mitigate: 960, time_to_resolve: 2700, duration: 2700 });
  });

  it('prints the rendered report, identical to the built file', async () => {
    const dir = await repoWithExamples();
    const result = await runBuiltCli(['show', 'postmortems/2024-06-02-orders-db-connection-exhaustion.yaml'], dir);
    expect(result.stdout).toBe(await readFile(path.join(dir, 'postmortems/2024-06-02-orders-db-connection-exhaustion.md'), 'utf8'));
  });

  it('exits 1 with diagnostics on stderr for an invalid file', async () => {
    const dir = await repoWithExamples();
    await writeFile(path.join(dir, 'broken.yaml'), BROKEN);
    const result = await runBuiltCli(['show', 'broken.yaml'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('schema/required');
  });
});

describe('postmortem new (built CLI, subprocess)', () => {
  it('writes a skeleton that validates as a draft, and refuses to overwrite it', async () => {
    const dir = await repoWithExamples();
    const first = await runBuiltCli(['new', 'Search: results were stale!', '--date', '2024-07-01', '--severity', 'sev2'], dir);
    expect(first).toMatchObject({ code: 0, stdout: 'created postmortems/2024-07-01-search-results-were-stale.yaml\n' });
    const validate = await runBuiltCli(['validate', 'postmortems/2024-07-01-search-results-were-stale.yaml'], dir);
    expect(validate).toMatchObject({ code: 0, stdout: '1 incident file valid.\n' });
    const again = await runBuiltCli(['new', 'Search: results were stale!', '--date', '2024-07-01'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it.each([
    [['new'], 'give the incident a title'],
    [['new', 'x', '--date', '2024-13-01'], '--date must be a real day'],
    [['new', 'x', '--severity', 'SEV9'], '--severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5'],
  ])('rejects %j with exit 2', async (args, message) => {
    const dir = await repoWithExamples();
    const result = await runBuiltCli(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
