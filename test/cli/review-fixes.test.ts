/**
 * Edge cases found by review, each run in-process through runCli on a
 * scratch repository: what a user would hit, and what the contract says
 * should happen.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliInProcess, scratchRepo } from './built-cli.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function repo(): Promise<string> {
  const scratch = await scratchRepo({ 'postmortems/2024-01-15-checkout-gift-card-errors.yaml': 'postmortems/2024-01-15-a.yaml' });
  cleanups.push(scratch.cleanup);
  return scratch.dir;
}

describe('review fixes (in-process)', () => {
  it.each(['~\n', 'null\n', '---\n...\n'])('a document that is only a null value (%j) is an empty file', async (text) => {
    const dir = await repo();
    await writeFile(path.join(dir, 'postmortems/n.yaml'), text);
    const result = await runCliInProcess(['validate', 'postmortems/n.yaml'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('schema/empty-file');
  });

  it('refuses two incidents whose reports would land on the same path', async () => {
    const dir = await repo();
    await mkdir(path.join(dir, 'other'));
    await writeFile(path.join(dir, 'other/2024-01-15-a.yaml'), await readFile(path.join(dir, 'postmortems/2024-01-15-a.yaml')));
    const result = await runCliInProcess(['build', 'postmortems', 'other', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 written, 0 unchanged, 1 failed.');
    expect(result.stderr).toContain('build/duplicate-report');
  });

  it('reports a report path it cannot write and still builds the rest', async () => {
    const dir = await repo();
    await writeFile(path.join(dir, 'postmortems/2024-01-16-b.yaml'), await readFile(path.join(dir, 'postmortems/2024-01-15-a.yaml')));
    await mkdir(path.join(dir, 'postmortems/2024-01-15-a.md'));
    const result = await runCliInProcess(['build'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot write `postmortems\/2024-01-15-a\.md` \(EISDIR\) +build\/write-failed/);
    expect(result.stdout).toContain('wrote postmortems/2024-01-16-b.md');
    expect(result.stdout).toContain('1 written, 0 unchanged, 1 failed.');
  });

  it('exits 2 when the configured templates folder does not exist', async () => {
    const dir = await repo();
    await writeFile(path.join(dir, 'postmortem.config.yaml'), 'templates: my-templates\n');
    const result = await runCliInProcess(['build'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the templates folder');
  });

  it('show refuses a folder holding several incidents', async () => {
    const dir = await repo();
    await writeFile(path.join(dir, 'postmortems/2024-01-16-b.yaml'), await readFile(path.join(dir, 'postmortems/2024-01-15-a.yaml')));
    const result = await runCliInProcess(['show', 'postmortems'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('show takes one incident file; `postmortems` is a folder of 2 incident files');
  });

  it('show refuses a Markdown file, saying it is not an incident file', async () => {
    const dir = await repo();
    await writeFile(path.join(dir, 'postmortems/README.md'), '# Post-mortems\n');
    const result = await runCliInProcess(['show', 'postmortems/README.md'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('show takes one incident file; `postmortems/README.md` is not an incident file (`.yaml` or `.yml`)');
  });

  it.each([
    ['America/Santiago', '2024-09-08'],
    ['America/Havana', '2024-03-10'],
  ])('new writes a skeleton that validates where midnight is skipped (%s, %s)', async (zone, date) => {
    const dir = await repo();
    const created = await runCliInProcess(['new', 'Clock change', '--date', date, '--timezone', zone], dir);
    expect(created.code).toBe(0);
    const result = await runCliInProcess(['validate', `postmortems/${date}-clock-change.yaml`], dir);
    expect(result).toMatchObject({ code: 0, stdout: '1 incident file valid.\n' });
  });

  it('lint skips generated reports: their prose is linted, with its suppressions, in the YAML', async () => {
    const dir = await repo();
    const yaml = [
      'title: Build broke',
      'date: 2024-01-15',
      'severity: SEV3',
      'status: draft',
      'participants: [Kim]',
      '# postmortem-disable-next-line blame/person-as-cause',
      'summary: |',
      '  Kim broke the build.',
      'impact:',
      '  description: CI was red for 10 minutes.',
      'timeline:',
      '  - time: "10:00"',
      '    event: Build failed',
      '    type: start',
      'root_cause:',
      '  immediate: A missing file.',
      'resolution: Restored the file.',
      'action_items: []',
      'lessons: [Check files]',
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'postmortems/2024-01-15-a.yaml'), yaml);
    expect((await runCliInProcess(['build'], dir)).code).toBe(0);
    await writeFile(path.join(dir, 'postmortems/notes.md'), '---\nparticipants: [Kim]\n---\n\nKim broke the build.\n');
    const result = await runCliInProcess(['lint', '--format', 'json'], dir);
    const files = (JSON.parse(result.stdout) as Array<{ file: string; ruleId: string }>).filter((d) => d.ruleId.startsWith('blame/')).map((d) => d.file);
    expect(files).toEqual(['postmortems/notes.md']);
  });
});
