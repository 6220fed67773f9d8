/**
 * `new` and `import` point the editor's schema line at a file that exists where they run: this checkout's
 * schema/, or the installed package's copy (one function, workflows/editor-schema.ts, for both).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, run } from './run-in-process.js';

const CASES = [
  ['a user repository (the package installed)', { 'postmortems/.keep': '' }, 'postmortems', '../node_modules/postmortems/schema/postmortem.schema.json'],
  ['a checkout with its own schema/', { 'schema/postmortem.schema.json': '{}' }, 'postmortems', '../schema/postmortem.schema.json'],
  [
    'a deeper incidents folder',
    { 'postmortem.config.yaml': 'incidents: docs/incidents\n' },
    'docs/incidents',
    '../../node_modules/postmortems/schema/postmortem.schema.json',
  ],
] as const;

const MARKDOWN = '# Disk full\n\nDate: 2024-03-01\n\n## Summary\n\nThe disk filled up.\n';

const firstLine = async (file: string) => (await readFile(file, 'utf8')).split('\n')[0];

describe('the schema line `new` writes', () => {
  it.each(CASES)('in %s', async (_case, files, folder, expected) => {
    const dir = await folderWith(files);
    expect((await run(dir, ['new', 'Disk full', '--date', '2024-03-01'])).code).toBe(0);
    expect(await firstLine(path.join(dir, folder, '2024-03-01-disk-full.yaml'))).toBe(`# yaml-language-server: $schema=${expected}`);
  });
});

describe('the schema line `import` writes', () => {
  it.each(CASES)('in %s', async (_case, files, folder, expected) => {
    const dir = await folderWith({ ...files, 'old/disk-full.md': MARKDOWN });
    expect((await run(dir, ['import', 'old/disk-full.md'])).code).toBe(0);
    expect(await firstLine(path.join(dir, folder, '2024-03-01-disk-full.yaml'))).toBe(`# yaml-language-server: $schema=${expected}`);
  });

  it('from a file written outside the root (`--out` an absolute folder), to the root’s copy', async () => {
    const dir = await folderWith({ 'postmortems/.keep': '', 'old/disk-full.md': MARKDOWN });
    const out = path.join(dir, 'elsewhere', 'incidents');
    expect((await run(dir, ['import', 'old/disk-full.md', '--out', out])).code).toBe(0);
    expect(await firstLine(path.join(out, '2024-03-01-disk-full.yaml'))).toBe(
      '# yaml-language-server: $schema=../../node_modules/postmortems/schema/postmortem.schema.json',
    );
  });
});
