/** `new` points the editor's schema line at a file that exists where it runs: this checkout's schema/, or the installed package's copy. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, run } from './run-in-process.js';

describe('the schema line `new` writes', () => {
  it.each([
    ['a user repository (the package installed)', { 'postmortems/.keep': '' }, 'postmortems', '../node_modules/postmortems/schema/postmortem.schema.json'],
    ['a checkout with its own schema/', { 'schema/postmortem.schema.json': '{}' }, 'postmortems', '../schema/postmortem.schema.json'],
    [
      'a deeper incidents folder',
      { 'postmortem.config.yaml': 'incidents: docs/incidents\n' },
      'docs/incidents',
      '../../node_modules/postmortems/schema/postmortem.schema.json',
    ],
  ])('in %s', async (_case, files, folder, expected) => {
    const dir = await folderWith(files);
    expect((await run(dir, ['new', 'Disk full', '--date', '2024-03-01'])).code).toBe(0);
    const text = await readFile(path.join(dir, folder, '2024-03-01-disk-full.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${expected}`);
  });
});
