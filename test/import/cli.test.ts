/**
 * `postmortem import` in-process through runCli: files land in --out with
 * their date-slug names and validate; an existing target is never
 * overwritten while the other files go on; one run of the built CLI.
 */
import { cp, mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { runBuiltCli } from '../cli/built-cli.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'postmortem-import-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'old'));
  for (const name of ['import-tables-front-matter', 'import-lists-synonyms']) {
    await cp(new URL(`../fixtures/${name}/input.md`, import.meta.url), path.join(dir, 'old', `${name}.md`));
  }
  return dir;
}

async function run(dir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['import', ...args], { cwd: dir, env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('postmortem import', () => {
  it('writes one validating incident file per Markdown file and lists what went under x-unmapped', async () => {
    const dir = await scratch();
    const result = await run(dir, ['old/', '--out', 'postmortems']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'imported old/import-lists-synonyms.md -> postmortems/1970-01-01-queue-backlog-delayed-invoices.yaml; under x-unmapped: Timeline, Background',
        'imported old/import-tables-front-matter.md -> postmortems/2024-03-04-search-results-were-empty-for-eu-customers.yaml; under x-unmapped: front matter, Timeline',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toContain('warning  No `date` found');
    expect((await readdir(path.join(dir, 'postmortems'))).sort()).toHaveLength(2);
    const validate = await runCli(['validate', 'postmortems'], { cwd: dir, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false });
    expect(validate).toBe(0);
  });

  it('never overwrites an existing file, and still imports the others', async () => {
    const dir = await scratch();
    await mkdir(path.join(dir, 'postmortems'));
    const taken = path.join(dir, 'postmortems/2024-03-04-search-results-were-empty-for-eu-customers.yaml');
    await writeFile(taken, 'mine\n');
    const result = await run(dir, ['old/import-tables-front-matter.md', 'old/import-lists-synonyms.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`postmortems/2024-03-04-search-results-were-empty-for-eu-customers.yaml` already exists; not overwriting it');
    expect(await readFile(taken, 'utf8')).toBe('mine\n');
    expect(result.stdout).toContain('imported old/import-lists-synonyms.md');
  });

  it('prints the YAML with --dry-run and writes nothing', async () => {
    const dir = await scratch();
    const result = await run(dir, ['old/import-lists-synonyms.md', '--dry-run']);
    expect(result.stdout).toContain('# postmortems/1970-01-01-queue-backlog-delayed-invoices.yaml\n');
    expect(result.stdout).toContain('title: Queue backlog delayed invoices');
    await expect(readdir(path.join(dir, 'postmortems'))).rejects.toThrow();
  });

  it.each([
    [[], 'name the Markdown files to import'],
    [['old/nothing.md'], 'no such file or folder'],
  ])('exits 2 on %j', async (args, message) => {
    const result = await run(await scratch(), args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('runs as the built CLI', async () => {
    const dir = await scratch();
    const result = await runBuiltCli(['import', 'old/import-tables-front-matter.md', '--out', 'incidents'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('-> incidents/2024-03-04-search-results-were-empty-for-eu-customers.yaml');
  });
});
