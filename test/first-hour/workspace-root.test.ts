/** Run from a subfolder, every command works on the workspace found upward; `new` makes no stray `postmortems/`. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkspaceRoot } from '../../src/io/workspace-root.js';
import { folderWith, run } from './run-in-process.js';

const incident = await readFile(new URL('../fixtures/valid/incident.yaml', import.meta.url), 'utf8');
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('the workspace root, searched upward', () => {
  it.each([
    ['a config file', { 'postmortem.config.yaml': 'incidents: incidents\n', 'postmortems/x.yaml': '' }, 'postmortem.config.yaml'],
    ['a .yml config file', { 'postmortem.config.yml': 'incidents: incidents\n' }, 'postmortem.config.yml'],
    ['the folder holding postmortems/', { 'postmortems/x.yaml': '' }, null],
    ['the git root', { '.git/HEAD': 'ref: refs/heads/main\n' }, null],
  ])('is found by %s', async (_case, files, configFile) => {
    const dir = await folderWith({ ...files, 'docs/deep/keep.txt': '' });
    expect(await findWorkspaceRoot(path.join(dir, 'docs', 'deep'))).toEqual({ root: dir, configFile });
  });

  it('`new` in a subfolder writes into the root incidents folder, and validate there finds it', async () => {
    const dir = await folderWith({ 'postmortems/incident.yaml': incident, 'docs/readme.txt': '' });
    const sub = path.join(dir, 'docs');
    const made = await run(sub, ['new', 'Disk full', '--date', '2024-03-01']);
    expect(made.code).toBe(0);
    expect(await exists(path.join(dir, 'postmortems', '2024-03-01-disk-full.yaml'))).toBe(true);
    expect(await exists(path.join(sub, 'postmortems'))).toBe(false);
    const checked = await run(sub, ['validate', '../postmortems/incident.yaml']);
    expect(checked.stdout).toBe('1 incident file valid.\n');
  });

  it('reads the settings of postmortem.config.yml', async () => {
    const dir = await folderWith({ 'postmortem.config.yml': 'incidents: incidents\n', 'incidents/incident.yaml': incident, 'sub/x.txt': '' });
    const checked = await run(path.join(dir, 'sub'), ['validate']);
    expect(checked.stdout).toBe('1 incident file valid.\n');
  });
});
