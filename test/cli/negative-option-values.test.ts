/**
 * A negative number after an option that takes a value is that option's
 * value: `--max-warnings -1` gets the same answer as `--max-warnings=-1` (what
 * the option takes), not "needs a value". Every numeric option, in-process
 * through runCli, in an empty folder: each is refused before any file is read.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { joinNegativeValues } from '../../src/cli/parse-options.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'postmortem-negative-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd: dir, env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

const TIMELINE = ['timeline', 'postmortems/a.yaml', '--from', 'app.log', '--request-id', 'r1'];

describe('a negative number as an option value', () => {
  it.each([
    { command: ['validate'], flag: '--max-warnings', value: '-1', says: '--max-warnings takes a whole number >= 0; got `-1`' },
    { command: ['lint'], flag: '--max-warnings', value: '-3', says: '--max-warnings takes a whole number >= 0; got `-3`' },
    { command: TIMELINE, flag: '--max', value: '-2', says: '--max takes a whole number >= 0; got `-2`' },
    { command: ['sync', '--dry-run'], flag: '--pace-ms', value: '-5', says: '--pace-ms must be a whole number of milliseconds; got `-5`' },
    { command: ['sync', '--dry-run'], flag: '--max-wait', value: '-0.5', says: '--max-wait must be a whole number of seconds; got `-0.5`' },
  ])('$command.0 $flag $value is read as the value', async ({ command, flag, value, says }) => {
    const spaced = await run([...command, flag, value]);
    const joined = await run([...command, `${flag}=${value}`]);
    expect(spaced).toEqual(joined);
    expect(spaced.code).toBe(2);
    expect(spaced.stderr.split('\n')[0]).toBe(`postmortem ${command[0]}: ${says}`);
  });

  it('leaves a missing value a missing value, worded for sync as for every command', async () => {
    expect((await run(['validate', '--max-warnings'])).stderr.split('\n')[0]).toBe(
      'postmortem validate: option `--max-warnings` needs a value: `--max-warnings N`',
    );
    expect((await run(['sync', '--pace-ms'])).stderr.split('\n')[0]).toBe('postmortem sync: option `--pace-ms` needs a value: `--pace-ms N`');
  });

  it.each([
    { args: ['--max', '-2', 'a.yaml'], joined: ['--max=-2', 'a.yaml'] },
    { args: ['--max', '-x'], joined: ['--max', '-x'] },
    { args: ['--quiet', '-1'], joined: ['--quiet', '-1'] },
    { args: ['--max=-2'], joined: ['--max=-2'] },
    { args: ['--', '--max', '-2'], joined: ['--', '--max', '-2'] },
  ])('joins $args to $joined', ({ args, joined }) => {
    expect(joinNegativeValues(args, { max: { type: 'string' }, quiet: { type: 'boolean' } })).toEqual(joined);
  });
});
