/**
 * How a rendered report lands on disk: through a temporary file and a rename,
 * so a reader sees the old report or the new one; folders are made on the
 * first write into them; a write that fails leaves no temporary file behind.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/io/replace-file.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'pm-replace-'));

describe('replaceFile', () => {
  it.each([
    ['a new report', null, 'reports/2024-01-15-db.md'],
    ['over the previous report', '# old\n', 'reports/2024-01-15-db.md'],
    ['into folders that do not exist yet', null, 'a/b/c/2024-01-15-db.md'],
  ])('writes %s, and only it', async (_case, previous, relative) => {
    const dir = await scratch();
    const target = path.join(dir, relative);
    if (previous !== null) {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, previous);
    }
    await replaceFile(target, '# new\n');
    expect(await readFile(target, 'utf8')).toBe('# new\n');
    expect(await readdir(path.dirname(target))).toEqual([path.basename(target)]);
  });

  it('fails with the reason when a folder stands where the report goes, and leaves no temporary file', async () => {
    const dir = await scratch();
    await mkdir(path.join(dir, 'report.md'));
    await expect(replaceFile(path.join(dir, 'report.md'), '# new\n')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readdir(dir)).toEqual(['report.md']);
  });

  it('fails when a file stands where a folder goes, and writes nothing', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'notes.txt'), 'a file\n');
    await expect(replaceFile(path.join(dir, 'notes.txt', 'report.md'), '# new\n')).rejects.toMatchObject({ code: expect.stringMatching(/ENOTDIR|EEXIST/) });
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
