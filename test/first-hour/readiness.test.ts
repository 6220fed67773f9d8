/** A `published` incident still holding the skeleton's placeholders, or naming no authors, is not ready: an error, a warning while `in-review`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, run } from './run-in-process.js';

const root = path.resolve(import.meta.dirname, '../..');
const FIXTURE = 'test/fixtures/readiness-published-skeleton/incident.yaml';

/** `line:column severity ruleId path` of each readiness diagnostic, as `validate --format json` gives them. */
async function readiness(dir: string, file: string): Promise<{ code: number; found: string[] }> {
  const result = await run(dir, ['validate', '--format', 'json', file]);
  const diagnostics = JSON.parse(result.stdout) as Array<{ line: number; column: number; severity: string; ruleId: string; path: string }>;
  const found = diagnostics.filter((d) => /placeholder|no-authors/.test(d.ruleId)).map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.path}`);
  return { code: result.code, found };
}

describe('readiness of a published post-mortem', () => {
  it('is an error for each placeholder left from `new` and for the empty authors list', async () => {
    expect(await readiness(root, FIXTURE)).toEqual({
      code: 1,
      found: [
        '8:10 error schema/no-authors authors',
        '14:3 error schema/placeholder-text summary',
        '18:5 error schema/placeholder-text impact.description',
        '26:12 error schema/placeholder-text timeline[0].event',
        '33:14 error schema/placeholder-text root_cause.immediate',
        '38:3 error schema/placeholder-text resolution',
      ],
    });
  });

  it.each([
    ['in-review', 0, 'warning'],
    ['draft', 0, null],
  ])('is a %s matter of exit %i, severity %s, for the same file', async (status, code, severity) => {
    const text = (await readFile(path.join(root, FIXTURE), 'utf8'))
      .replace('status: published', `status: ${status}`)
      .replace('action_items: []', 'action_items: [{ action: Add a test }]');
    const dir = await folderWith({ 'postmortems/a.yaml': text });
    const { code: exit, found } = await readiness(dir, 'postmortems/a.yaml');
    expect(exit).toBe(code);
    expect(found.length).toBe(severity ? 6 : 0);
    for (const line of found) expect(line).toContain(` ${severity} `);
  });

  it('points at `status` when `authors` is not written at all, and names the placeholder in the message', async () => {
    const text = (await readFile(path.join(root, FIXTURE), 'utf8')).replace(/^authors: .*\n/m, '');
    const dir = await folderWith({ 'postmortems/a.yaml': text });
    const result = await run(dir, ['validate', 'postmortems/a.yaml']);
    expect(result.stdout).toMatch(/7:9-7:18 +error +The post-mortem is `published` but names no authors/);
    expect(result.stdout).toContain('`summary` still holds the placeholder text, but the post-mortem is `published`');
    expect(result.stdout).toContain('found `Describe what happened, the impact, and how it ended.`');
  });

  it('also catches the placeholder `import` writes for a field the Markdown did not state', async () => {
    const text = (await readFile(path.join(root, FIXTURE), 'utf8')).replace(
      'Describe the immediate technical cause.',
      'Not stated in the imported post-mortem; fill this in.',
    );
    const dir = await folderWith({ 'postmortems/a.yaml': text });
    expect((await readiness(dir, 'postmortems/a.yaml')).found).toContain('33:14 error schema/placeholder-text root_cause.immediate');
  });

  it('fails `lint` too', async () => {
    const result = await run(root, ['lint', FIXTURE]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('schema/placeholder-text');
  });
});
