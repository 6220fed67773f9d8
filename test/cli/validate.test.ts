/**
 * `postmortem validate` on a temporary copy of a fixture repository, checking
 * exit codes, which stream gets what, and each output format: in-process
 * through runCli, plus one run of the built CLI (`dist/bin/postmortem.cjs`) as a
 * subprocess to show the real process behaves the same.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from './built-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'dist', 'cli.js');
const temporary: string[] = [];

// runBuilt runs the built CLI: `npm test` builds dist/ once before vitest starts (run `npx tsc -p .` first when running this file alone).

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of test/fixtures/<name> in the system temp folder. */
function repository(name = 'repo-mixed'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'postmortem-validate-'));
  temporary.push(dir);
  cpSync(path.join(root, 'test', 'fixtures', name), dir, { recursive: true });
  return dir;
}

/** `postmortem validate ARGS` in-process, with the environment of a CI run. */
function run(cwd: string, ...args: string[]) {
  return runCliInProcess(['validate', ...args], cwd, { CI: '1' });
}

/** The same through the built CLI as a subprocess. */
function runBuilt(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'validate', ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const VALID = 'postmortems/2024-01-15-checkout.yaml';
const JSON_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'path', 'suggestions'];

describe('postmortem validate', async () => {
  it('exits 0 and says so for a valid file', async () => {
    expect(await run(repository(), VALID)).toEqual({ code: 0, stdout: '1 incident file valid.\n', stderr: '' });
  });

  it('prints nothing with --quiet when everything is valid', async () => {
    expect(await run(repository(), VALID, '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and reports every broken file on stdout; one broken file does not stop the others (built CLI)', () => {
    const { code, stdout, stderr } = runBuilt(repository());
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('postmortems/2024-02-01-search.yaml\n');
    expect(stdout).toMatch(/ {2}5:1-5:7 +error +Unknown field `sumary`; did you mean `summary`\? at sumary +schema\/unknown-field\n/);
    expect(stdout).toContain('`13:10` is earlier than `14:00` at `timeline[0].time`');
    expect(stdout).toContain('postmortems/2024-03-01-broken.yaml\n');
    expect(stdout).not.toContain('2024-01-15-checkout');
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ errors, 0 warnings, 0 infos in 2 files$/);
  });

  it('reports an unreadable (non-UTF-8) file and still checks the rest', async () => {
    const dir = repository();
    writeFileSync(path.join(dir, 'postmortems', '2024-05-01-latin1.yaml'), Buffer.from('title: Caf\xe9\n', 'latin1'));
    const { code, stdout } = await run(dir, '--format', 'json');
    const files = new Set((JSON.parse(stdout) as Array<{ file: string }>).map((d) => d.file));
    expect(code).toBe(1);
    expect([...files].sort()).toEqual(['postmortems/2024-02-01-search.yaml', 'postmortems/2024-03-01-broken.yaml', 'postmortems/2024-05-01-latin1.yaml']);
  });

  it('--format json prints one array with the contract keys', async () => {
    const { code, stdout, stderr } = await run(repository(), '--format', 'json');
    expect([code, stderr]).toEqual([1, '']);
    const diagnostics = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(Array.isArray(diagnostics)).toBe(true);
    for (const d of diagnostics) expect(Object.keys(d).slice(0, JSON_KEYS.length)).toEqual(JSON_KEYS);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'postmortems/2024-02-01-search.yaml',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 7,
        severity: 'error',
        ruleId: 'schema/unknown-field',
        path: 'sumary',
        suggestions: ['summary'],
      }),
    );
  });

  it('--format json prints an empty array for valid files', async () => {
    expect(await run(repository(), VALID, '--format', 'json')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('--format github prints workflow commands', async () => {
    const { code, stdout } = await run(repository(), '--format', 'github');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::error file=postmortems\/[\w.-]+\.yaml,line=\d+,col=\d+/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=postmortems\/2024-02-01-search\.yaml,line=5,col=1,endLine=5,endColumn=7,title=schema\/unknown-field::Unknown field `sumary`/,
      ),
    );
  });

  it.each([
    ['an unknown flag', ['--bogus'], /postmortem validate: .*bogus/],
    ['an unknown format', ['--format', 'xml'], /--format must be one of text, json, github, sarif; got `xml`/],
    ['a missing path', ['postmortems/nope.yaml'], /no such file or folder: postmortems\/nope\.yaml/],
  ])('exits 2 on %s, with the reason on stderr only', async (_name, args, message) => {
    const { code, stdout, stderr } = await run(repository(), ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('exits 2 on an invalid config file, and names the problem', async () => {
    const dir = repository();
    writeFileSync(path.join(dir, 'postmortem.config.yaml'), 'incidnets: docs\n');
    const { code, stdout, stderr } = await run(dir, VALID);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(
      /postmortem\.config\.yaml\n {2}1:1-1:10 +error +Unknown field `incidnets`; did you mean `incidents`\? at incidnets +schema\/unknown-field\n/,
    );
  });

  it('uses the configured incidents folder and severity scale', async () => {
    const dir = repository();
    writeFileSync(path.join(dir, 'postmortem.config.yaml'), 'severities: [SEV1, SEV2]\n');
    const { code, stdout } = await run(dir, VALID, '--format', 'json');
    expect(code).toBe(0);
    expect(stdout).toBe('[]\n');
    writeFileSync(path.join(dir, 'postmortem.config.yaml'), 'severities: [P1, P2]\n');
    const rejected = JSON.parse((await run(dir, VALID, '--format', 'json')).stdout) as Array<{ ruleId: string }>;
    expect(rejected.map((d) => d.ruleId)).toEqual(['schema/severity']);
  });
});

describe('postmortem validate --max-warnings', async () => {
  // `strat` is one typo away from `start`: a warning, since the metric silently goes missing.
  function withWarning(): string {
    const dir = repository();
    rmSync(path.join(dir, 'postmortems'), { recursive: true });
    cpSync(path.join(root, 'test', 'fixtures', 'repo-mixed', 'postmortems', '2024-01-15-checkout.yaml'), path.join(dir, 'incident.yaml'));
    const text = readFileSync(path.join(dir, 'incident.yaml'), 'utf8').replace('type: start', 'type: strat');
    writeFileSync(path.join(dir, 'incident.yaml'), text);
    return dir;
  }

  it.each([
    [[], 0],
    [['--max-warnings', '1'], 0],
    [['--max-warnings', '0'], 1],
    [['--max-warnings', 'many'], 2],
  ])('with %j exits %i', async (flags, code) => {
    const dir = withWarning();
    const result = await run(dir, 'incident.yaml', ...flags);
    expect(result.code).toBe(code);
    if (code !== 2) expect(result.stdout).toContain('schema/event-type');
    else expect(result.stderr).toContain('--max-warnings takes a whole number');
  });
});
