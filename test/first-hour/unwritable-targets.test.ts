/** Targets that cannot take files are refused at once, with the reason, before anything is rendered or written. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run-in-process.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The committed examples and a regular file `notes.txt`, in a scratch folder. */
async function examples(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-unwritable-'));
  await cp(path.join(root, 'postmortems'), path.join(dir, 'postmortems'), { recursive: true });
  await writeFile(path.join(dir, 'notes.txt'), 'a regular file\n');
  await writeFile(path.join(dir, 'old.md'), '# Outage\n\n## Summary\n\nThe database was down.\n');
  return dir;
}

const linux = process.platform === 'linux';
const asRoot = process.getuid?.() === 0;
const builtCli = path.join(root, 'dist/bin/postmortem.js');

function nobodyCanRunCli(): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(builtCli)}, require('node:fs').constants.R_OK)`], {
    uid: 65534,
    gid: 65534,
  });
  return probe.status === 0;
}

describe('unwritable targets', () => {
  it.each([
    ...(linux ? [[['build', '--out', '/proc/pm-reports'], 'cannot write into `/proc/pm-reports`: `/proc` does not accept new files (ENOENT']] : []),
    [['build', '--out', 'notes.txt/reports'], 'cannot write into `notes.txt/reports`: `notes.txt` is a file, not a folder'],
    [['report', '--out', 'notes.txt/README.md'], 'cannot write into `notes.txt`: `notes.txt` is a file, not a folder'],
    [['import', 'old.md', '--out', 'notes.txt/incidents'], 'cannot write into `notes.txt/incidents`: `notes.txt` is a file, not a folder'],
    ...(linux ? [[['import', 'old.md', '--out', '/proc/pm-incidents'], 'cannot write into `/proc/pm-incidents`: `/proc` does not accept new files']] : []),
  ] as Array<[string[], string]>)('%j is refused at once, exit 2, nothing written', async (args, message) => {
    const dir = await examples();
    const before = await readdir(dir, { recursive: true });
    const result = await run(dir, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`postmortem ${args[0]}: ${message}`);
    expect(result.stdout).toBe('');
    expect(await readdir(dir, { recursive: true })).toEqual(before);
  });

  it('build --check does not need a writable target', async () => {
    const dir = await examples();
    expect((await run(dir, ['build', '--check', '--out', 'notes.txt/reports'])).code).toBe(1);
  });

  // Permission bits do not stop root: as root, the built CLI runs as `nobody`, for whom they hold
  // (skipped only when `nobody` cannot reach the checkout, e.g. a clone under /root).
  it.skipIf(!linux || (asRoot && !nobodyCanRunCli()))('a read-only incidents folder is refused before building', async () => {
    const dir = await examples();
    await writeFile(path.join(dir, 'postmortems/2024-01-15-checkout-gift-card-errors.md'), 'stale\n');
    await chmod(path.join(dir, 'postmortems'), 0o555);
    try {
      const result = asRoot ? await runBuiltAsNobody(dir, ['build']) : await run(dir, ['build']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('cannot write into `postmortems`: `postmortems` does not accept new files (EACCES: permission denied)');
    } finally {
      await chmod(path.join(dir, 'postmortems'), 0o755);
    }
  });
});

/** The built CLI (`npm test` builds it first) as the unprivileged user `nobody`, in `dir` (opened up so that user can read it). */
async function runBuiltAsNobody(dir: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  await chmod(dir, 0o755);
  const child = spawnSync(process.execPath, [builtCli, ...args], {
    cwd: dir,
    uid: 65534,
    gid: 65534,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
  return { code: child.status, stderr: child.stderr };
}

describe.skipIf(!linux)('non-regular files as input', () => {
  it.each([['build'], ['lint'], ['show']])('%s refuses a named pipe as "not a regular file" instead of hanging', async (command) => {
    const dir = await examples();
    execFileSync('mkfifo', [path.join(dir, 'postmortems', 'pipe.yaml')]);
    const result = await run(dir, [command, 'postmortems/pipe.yaml']);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('Not a regular file');
  });
});
