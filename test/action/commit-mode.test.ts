import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_EMAIL, BOT_NAME, commitChanges } from '../../src/io/git.js';
import { clonedRepo, commitAll, git } from './git-repo.js';

let repo: Awaited<ReturnType<typeof clonedRepo>>;

beforeEach(async () => {
  repo = await clonedRepo();
  await mkdir(path.join(repo.clone, 'postmortems'));
  await writeFile(path.join(repo.clone, 'postmortems/a.yaml'), 'title: A\n');
  await writeFile(path.join(repo.clone, 'notes.txt'), 'mine\n');
  commitAll(repo.clone, 'Start');
});

afterEach(() => repo.cleanup());

describe('commitChanges', () => {
  it('commits only the changes under the paths, as the bot, and pushes them', async () => {
    await writeFile(path.join(repo.clone, 'postmortems/a.yaml'), 'title: A\nissue: 4\n');
    await writeFile(path.join(repo.clone, 'postmortems/README.md'), '# Index\n');
    await writeFile(path.join(repo.clone, 'notes.txt'), 'still mine\n');
    const result = await commitChanges(repo.clone, { paths: ['postmortems'], message: 'postmortem sync: write back issue numbers', env: process.env });
    expect(result).toMatchObject({ committed: true, pushed: true, files: ['postmortems/README.md', 'postmortems/a.yaml'] });
    expect(git(repo.remote, 'log', '-1', '--format=%an <%ae>|%cn|%s', 'main').trim()).toBe(
      `${BOT_NAME} <${BOT_EMAIL}>|${BOT_NAME}|postmortem sync: write back issue numbers`,
    );
    expect(git(repo.remote, 'rev-parse', 'main').trim()).toBe(result.sha);
    expect(git(repo.clone, 'status', '--porcelain')).toBe(' M notes.txt\n');
  });

  it('nothing to commit is not an error', async () => {
    await writeFile(path.join(repo.clone, 'notes.txt'), 'outside the paths\n');
    expect(await commitChanges(repo.clone, { paths: ['postmortems'], message: 'x', env: process.env })).toEqual({
      committed: false,
      sha: null,
      pushed: false,
      files: [],
    });
    expect(git(repo.remote, 'log', '--format=%s', 'main').trim()).toBe('Start');
  });

  it('rebases onto a commit pushed in the meantime', async () => {
    git(repo.clone, 'clone', '--quiet', repo.remote, '../other');
    const other = path.join(repo.clone, '../other');
    await writeFile(path.join(other, 'notes.txt'), 'from elsewhere\n');
    commitAll(other, 'Meanwhile');
    await writeFile(path.join(repo.clone, 'postmortems/a.yaml'), 'title: A\nissue: 5\n');
    const result = await commitChanges(repo.clone, { paths: ['postmortems'], message: 'postmortem sync: write back', env: process.env });
    expect(result.pushed).toBe(true);
    expect(git(repo.remote, 'log', '--format=%s', 'main').trim().split('\n')).toEqual(['postmortem sync: write back', 'Meanwhile', 'Start']);
  });
});
