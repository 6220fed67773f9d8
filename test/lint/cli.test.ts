/**
 * `postmortem lint` outputs and exit codes, in-process through runCli; the
 * last case also runs the built CLI (`dist/bin/postmortem.cjs`, run `npx tsc -p .` first)
 * as a subprocess, for the real exit code and stderr.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../cli/built-cli.js';

const cli = fileURLToPath(new URL('../../dist/bin/postmortem.cjs', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/lint/', import.meta.url));

/** `postmortem lint ARGS` in-process in test/fixtures/lint/FOLDER. */
function run(folder: string, ...args: string[]) {
  return runCliInProcess(['lint', ...args], `${fixtures}${folder}`);
}

/** The same through the built CLI as a subprocess. */
function runBuilt(folder: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'lint', ...args], { cwd: `${fixtures}${folder}`, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exit codes', async () => {
  it.each([
    ['errors in the default folder', 'cli', [], 1],
    ['a clean file', 'cli', ['postmortems/clean.md'], 0],
    ['warnings alone', 'cli', ['extra/warn.md'], 0],
    ['warnings within --max-warnings', 'cli', ['extra/warn.md', '--max-warnings', '1'], 0],
    ['warnings over --max-warnings', 'cli', ['extra/warn.md', '--max-warnings', '0'], 1],
    ['a bad --max-warnings', 'cli', ['--max-warnings', 'many'], 2],
    ['an unknown format', 'cli', ['--format', 'xml'], 2],
    ['a missing path', 'cli', ['nowhere/'], 2],
    ['an unknown flag', 'cli', ['--fix'], 2],
    ['an invalid configuration', 'cli-bad-config', [], 2],
    ['configured levels (judgement as warning, hindsight off)', 'cli-config', [], 0],
  ] as const)('%s -> %i', async (_, folder, args, code) => {
    expect((await run(folder, ...args)).code).toBe(code);
  });
});

describe('formats', async () => {
  it('text groups by file and counts', async () => {
    const { stdout } = await run('cli');
    expect(stdout).toContain('postmortems/2024-01-15-checkout.yaml\n');
    expect(stdout).toContain('9:27-9:40    warning  `Kim took down`');
    // The same phrase is a warning in the summary and an error in the root cause, where it names a listed person as the cause.
    expect(stdout).toContain('24:14-24:27  error    `Kim took down`');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 error, 5 warnings, 0 infos in 1 file');
  });
  it('a file named explicitly with another extension is read as Markdown', async () => {
    expect((await run('cli', 'extra/notes.txt')).stdout).toContain('1:16-1:24  warning  `careless`');
  });
  it('text says so when clean', async () => {
    expect((await run('cli', 'postmortems/clean.md')).stdout).toBe('1 file linted: no problems found.\n');
  });
  it('json is one array with the contract keys', async () => {
    const rows = JSON.parse((await run('cli', '--format', 'json')).stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.ruleId)).toEqual([
      'blame/person-as-cause',
      'blame/person-as-cause',
      'structure/action-deadline',
      'structure/action-owner',
      'blame/vague-action',
      'blame/hindsight',
    ]);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'path', 'suggestions']),
    );
  });
  it('github writes workflow commands', async () => {
    const first = (await run('cli', '--format', 'github')).stdout.split('\n')[0];
    expect(first).toMatch(/^::warning file=postmortems\/2024-01-15-checkout.yaml,line=9,col=27,endLine=9,endColumn=40,title=blame\/person-as-cause::/);
  });
  it('sarif is a SARIF 2.1.0 log', async () => {
    const log = JSON.parse((await run('cli', '--format', 'sarif')).stdout) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toHaveLength(6);
  });
  it('configured levels apply', async () => {
    expect((await run('cli-config', '--format', 'json')).stdout).toContain('"severity": "warning",\n    "ruleId": "blame/judgement"');
  });
});

it('one bad file does not stop the others, and never gives a stack trace (built CLI)', () => {
  const { code, stdout, stderr } = runBuilt('cli-mixed', '--format', 'json');
  const rows = JSON.parse(stdout) as Array<{ file: string; ruleId: string; line: number | null }>;
  expect(code).toBe(1);
  expect(stderr).toBe('');
  expect(rows.map((r) => `${r.file} ${r.ruleId}`)).toEqual([
    'postmortems/binary.yaml schema/binary',
    'postmortems/broken.yaml schema/yaml-syntax',
    'postmortems/broken.yaml blame/counterfactual',
    'postmortems/latin1.md schema/encoding',
  ]);
});
