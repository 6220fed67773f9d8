/**
 * `postmortem init` in an empty git repository: it writes the starter files,
 * a second run changes nothing, an existing file is never overwritten
 * without --force, and the Action's check passes on the result.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/run.js';
import { checkConfig, DEFAULT_CONFIG } from '../../src/config/config.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { ACTION_USES, CONFIG_YAML, WORKFLOW_YAML } from '../../src/workflows/init-files.js';
import { runBundle } from './run-bundle.js';

const STARTER = [
  'postmortems/2025-01-14-example-search-index-lag.yaml',
  'postmortems/2025-01-14-example-search-index-lag.md',
  'postmortem.config.yaml',
  '.github/workflows/postmortems.yml',
];

let repo: string;

async function init(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['init', ...args], { cwd: repo, env: {}, stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

beforeEach(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'postmortem-init-'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
});

afterEach(() => rm(repo, { recursive: true, force: true }));

describe('postmortem init', () => {
  it('writes the example, its report, the config and the workflow', async () => {
    const run = await init();
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual(STARTER.map((file) => `created ${file}`));
    for (const file of STARTER) expect((await stat(path.join(repo, file))).isFile()).toBe(true);
    expect(await readFile(path.join(repo, STARTER[0]!), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/node_modules\/postmortems\/schema\/postmortem\.schema\.json\n/,
    );
  });

  it('changes nothing on a second run', async () => {
    await init();
    const before = await Promise.all(STARTER.map((file) => stat(path.join(repo, file))));
    const again = await init();
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(STARTER.map((file) => `unchanged ${file}\n`).join(''));
    const after = await Promise.all(STARTER.map((file) => stat(path.join(repo, file))));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
  });

  it('refuses to overwrite a file, naming it, and writes nothing; --force replaces it', async () => {
    await writeFile(path.join(repo, 'postmortem.config.yaml'), 'severities: [P1, P2, P3]\n');
    const refused = await init();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('postmortem init: postmortem.config.yaml already exists with other content; not overwriting it.');
    await expect(stat(path.join(repo, STARTER[0]!))).rejects.toThrow();
    const forced = await init('--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('replaced postmortem.config.yaml');
    expect(await readFile(path.join(repo, 'postmortem.config.yaml'), 'utf8')).toBe(CONFIG_YAML);
  });

  it('gives a green first run: the Action check passes on what it wrote', async () => {
    await init();
    const run = await runBundle({ workspace: repo, eventName: 'push', event: { ref: 'refs/heads/main' }, inputs: { command: 'check', 'fail-on': 'warning' } });
    expect(run.stdout).not.toMatch(/^::(error|warning) /m);
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ errors: '0', warnings: '0', files: '2' });
  });
});

describe('the starter configuration', () => {
  it('means "all defaults" as written', () => {
    expect(checkConfig('postmortem.config.yaml', CONFIG_YAML)).toEqual({ config: DEFAULT_CONFIG, diagnostics: [] });
  });

  it('mentions every option of the configuration schema', () => {
    const keys = (schema: { properties?: Record<string, unknown> }, prefix = ''): string[] =>
      Object.entries(schema.properties ?? {}).flatMap(([key, value]) => [
        `${prefix}${key}`,
        ...keys(value as { properties?: Record<string, unknown> }, `${prefix}${key}.`),
      ]);
    const missing = keys(ConfigSchema as unknown as { properties: Record<string, unknown> }).filter((key) => !CONFIG_YAML.includes(`${key.split('.').pop()}:`));
    expect(missing).toEqual([]);
  });

  it('is valid when every option is uncommented', () => {
    const uncommented = CONFIG_YAML.split('\n')
      .filter((line) => !line.startsWith('# yaml-language-server') && /^# [\w-]+:|^# {2,}/.test(line))
      .map((line) => line.replace(/^# /, ''))
      .join('\n');
    const { diagnostics } = checkConfig('postmortem.config.yaml', uncommented);
    expect(diagnostics).toEqual([]);
  });
});

describe('the starter workflow', () => {
  const workflow = parse(WORKFLOW_YAML) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<
      string,
      { if: string; permissions: Record<string, string>; concurrency?: { group: string }; steps: Array<{ uses: string; with?: Record<string, unknown> }> }
    >;
  };

  it('grants nothing at the top and only what each job needs', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.check!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.jobs.sync!.permissions).toEqual({ contents: 'write', issues: 'write' });
  });

  it('checks pull requests, and syncs and reports on push and on a schedule in one concurrency group', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(workflow.jobs.check!.steps.map((s) => [s.uses, s.with?.command])).toEqual([
      ['actions/checkout@v4', undefined],
      [ACTION_USES, 'check'],
    ]);
    expect(workflow.jobs.sync!.concurrency?.group).toBe('postmortems-sync');
    expect(workflow.jobs.sync!.steps.map((s) => [s.uses, s.with?.command, s.with?.commit])).toEqual([
      ['actions/checkout@v4', undefined, undefined],
      [ACTION_USES, 'sync', true],
      [ACTION_USES, 'report', true],
    ]);
  });
});
