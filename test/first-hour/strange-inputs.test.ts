/** Large or strange inputs are refused with a clear message, and the other files are still checked. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL } from '../validate/minimal.js';
import { folderWith, run } from './run-in-process.js';

const padded = (bytes: number) => `${MINIMAL}x-padding: "${'a'.repeat(bytes - MINIMAL.length - 16)}"\n`;

describe('file size limit (default 256 KiB, `max_file_bytes` in the config)', () => {
  it('refuses a file over the default limit before reading it; the other file is still valid', async () => {
    const dir = await folderWith({ 'postmortems/2024-01-15-big.yaml': padded(300 * 1024), 'postmortems/2024-01-16-small.yaml': MINIMAL });
    const result = await run(dir, ['validate', '--format', 'json']);
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout) as Array<{ file: string; ruleId: string; message: string }>;
    expect(found.map((d) => [d.file, d.ruleId])).toEqual([['postmortems/2024-01-15-big.yaml', 'schema/file-too-large']]);
    expect(found[0]!.message).toMatch(/incident files are limited to 262144 bytes$/);
  });

  it('reads it when the config raises the limit', async () => {
    const dir = await folderWith({ 'postmortems/2024-01-15-big.yaml': padded(300 * 1024), 'postmortem.config.yaml': 'max_file_bytes: 524288\n' });
    expect(await run(dir, ['validate'])).toMatchObject({ code: 0, stdout: '1 incident file valid.\n' });
  });

  it('a limit outside 1 KiB..10 MiB is a configuration error', async () => {
    const dir = await folderWith({ 'postmortems/2024-01-15-a.yaml': MINIMAL, 'postmortem.config.yaml': 'max_file_bytes: 100\n' });
    const result = await run(dir, ['validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('max_file_bytes');
  });
});

describe.skipIf(process.platform === 'win32')('non-regular files', () => {
  it('a named pipe given as PATHS is refused at once instead of hanging', async () => {
    const dir = await folderWith({ 'postmortems/2024-01-16-small.yaml': MINIMAL });
    execFileSync('mkfifo', [path.join(dir, 'postmortems', 'pipe.yaml')]);
    const result = await run(dir, ['validate', 'postmortems/pipe.yaml', 'postmortems/2024-01-16-small.yaml', '--format', 'json']);
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout) as Array<{ file: string; ruleId: string }>;
    expect(found.map((d) => [d.file, d.ruleId])).toEqual([['postmortems/pipe.yaml', 'schema/not-a-file']]);
  });
});
