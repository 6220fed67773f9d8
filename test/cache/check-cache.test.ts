/**
 * The check cache: output is byte-identical with the cache off, cold and warm
 * (in-process and through the built CLI, on the example incidents and broken
 * files, with `--now` and the config changing between runs); every input of
 * the key, changed, misses; a missing, truncated, corrupt or foreign cache
 * file is ignored and replaced, an unwritable one skipped, and the store stays bounded.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticIncident } from '../../bench/synthetic.js';
import { CACHE_FILE, KEEP_RUNS, openCheckCache } from '../../src/io/check-cache.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { planReport } from '../../src/workflows/report.js';
import { validateWorkflow } from '../../src/workflows/validate.js';
import type { PooledCheck, Workspace } from '../../src/workflows/workspace.js';
import { REPO_ROOT, runBuiltCli, runCliInProcess, scratchRepo, type CliResult } from '../cli/built-cli.js';

const IDENTITY = 'test-build-1';
const CONFIG = 'max_file_bytes: 32768\n';
const POLICY_CONFIG = `${CONFIG}policies:\n  max_days_in_draft: 14\n`;

/** Files that fail in different ways: their diagnostics (with line and column) must come back the same from the cache. */
const BROKEN: Record<string, string> = {
  '2023-03-01-bad-date.yaml': 'title: Broken\ndate: 2024-02-30\nseverity: SEV2\n',
  '2023-06-01-bad-yaml.yaml': 'title: "unclosed\nsummary: [\n',
  '2023-07-01-unquoted-colon.yaml': syntheticIncident(3).yaml.replace(/^summary: >/m, 'summary: a: b\nnotes: >'),
  '2023-09-01-empty.yaml': '',
  '2024-01-01-same-id.yaml': syntheticIncident(7).yaml.replace(/^title:/m, 'id: shared-id\ntitle:'),
  '2024-01-02-same-id.yaml': syntheticIncident(8).yaml.replace(/^title:/m, 'id: shared-id\ntitle:'),
  '2024-02-01-too-large.yaml': `${syntheticIncident(9).yaml}\n# ${'x'.repeat(40_000)}\n`,
  // Draft for months: a policy warning that depends on today and on the config.
  '2024-03-01-old-draft.yaml': syntheticIncident(11).yaml.replace('status: published', 'status: draft'),
};

const COMMANDS = [['validate'], ['validate', '--format', 'json'], ['report', '--now', '2025-07-01'], ['report', '--format', 'json', '--now', '2025-07-01']];

let dir: string;
let cleanup: () => Promise<void>;
const cacheDir = () => path.join(dir, 'cache');
const cacheFile = () => path.join(cacheDir(), CACHE_FILE);

beforeAll(async () => {
  ({ dir, cleanup } = await scratchRepo({ postmortems: 'postmortems' }));
  await rm(path.join(dir, 'postmortems', 'README.md'), { force: true });
  for (const [name, text] of Object.entries(BROKEN)) await writeFile(path.join(dir, 'postmortems', name), text);
  for (let i = 20; i < 40; i++) await writeFile(path.join(dir, 'postmortems', `${syntheticIncident(i).name}.yaml`), syntheticIncident(i).yaml);
  await writeFile(path.join(dir, 'postmortem.config.yaml'), CONFIG);
});
afterAll(() => cleanup());

type Run = (args: string[], cwd: string, env: Record<string, string>) => Promise<CliResult>;
const inProcess =
  (identity: string | null): Run =>
  (args, cwd, env) =>
    runCliInProcess(args, cwd, env, { buildIdentity: identity });

/** What every command printed and the page report wrote, each run starting from no page (so "wrote" reads the same). */
async function session(run: Run, env: Record<string, string> = {}, commands = COMMANDS): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const args of commands) {
    await rm(path.join(dir, 'postmortems', 'README.md'), { force: true });
    results[args.join(' ')] = await run(args, dir, { POSTMORTEM_CACHE_DIR: cacheDir(), ...env });
    results[`${args.join(' ')} page`] = await readFile(path.join(dir, 'postmortems', 'README.md'), 'utf8').catch(() => null);
  }
  return results;
}

const withNow = (now: string) => COMMANDS.map((args) => args.map((arg) => (arg === '2025-07-01' ? now : arg)));

describe('output with the cache off, cold and warm', () => {
  it('is byte-identical in-process, with broken files among the examples', async () => {
    await rm(cacheDir(), { recursive: true, force: true });
    const off = await session(inProcess(null));
    expect(JSON.stringify(off).includes('2023-06-01-bad-yaml.yaml\\n  3:1')).toBe(true);
    const cold = await session(inProcess(IDENTITY));
    expect((await readFile(cacheFile())).length).toBeGreaterThan(0);
    const warm = await session(inProcess(IDENTITY));
    expect(cold).toEqual(off);
    expect(warm).toEqual(off);
    expect(await session(inProcess(IDENTITY), { POSTMORTEM_CACHE: 'off' })).toEqual(off);
  });

  it('is byte-identical with worker threads (the pool path), cold and warm', async () => {
    const workers = { POSTMORTEM_WORKERS: '2' };
    const off = await session(inProcess(null), workers);
    await rm(cacheDir(), { recursive: true, force: true });
    expect(await session(inProcess(IDENTITY), workers)).toEqual(off);
    expect(await session(inProcess(IDENTITY), workers)).toEqual(off);
    // Cached by one thread, served to the other path: the entries are the same.
    expect(await session(inProcess(IDENTITY))).toEqual(await session(inProcess(null)));
  });

  it.each([
    ['--now changes between runs', { POSTMORTEM_NOW: '2024-03-05' }, { POSTMORTEM_NOW: '2026-01-01' }, CONFIG, CONFIG],
    ['the config changes between runs', { POSTMORTEM_NOW: '2026-01-01' }, { POSTMORTEM_NOW: '2026-01-01' }, CONFIG, POLICY_CONFIG],
    ['the policy changes between runs', { POSTMORTEM_NOW: '2026-01-01' }, { POSTMORTEM_NOW: '2026-01-01' }, POLICY_CONFIG, POLICY_CONFIG.replace('14', '900')],
  ])('is byte-identical when %s', async (_name, firstEnv, secondEnv, firstConfig, secondConfig) => {
    await rm(cacheDir(), { recursive: true, force: true });
    const commands = withNow(secondEnv.POSTMORTEM_NOW);
    try {
      await writeFile(path.join(dir, 'postmortem.config.yaml'), firstConfig);
      await session(inProcess(IDENTITY), firstEnv, withNow(firstEnv.POSTMORTEM_NOW));
      await writeFile(path.join(dir, 'postmortem.config.yaml'), secondConfig);
      const off = await session(inProcess(null), secondEnv, commands);
      expect(await session(inProcess(IDENTITY), secondEnv, commands)).toEqual(off);
      expect(await session(inProcess(IDENTITY), secondEnv, commands)).toEqual(off);
    } finally {
      await writeFile(path.join(dir, 'postmortem.config.yaml'), CONFIG);
    }
  });

  it('is byte-identical through the built CLI, and the default place is node_modules/.cache/postmortem/', async () => {
    const built: Run = (args, cwd, env) => runBuiltCli(args, cwd, env);
    const off = await session(built, { POSTMORTEM_CACHE: 'off' });
    await rm(cacheDir(), { recursive: true, force: true });
    expect(await session(built, { CI: '' })).toEqual(off);
    expect(await session(built, { CI: '' })).toEqual(off);
    await rm(path.join(dir, 'node_modules'), { recursive: true, force: true });
    await mkdir(path.join(dir, 'node_modules'));
    try {
      // Under CI (a fresh checkout) the default is off; `on` turns it on there too.
      await runBuiltCli(['validate'], dir, { CI: 'true' });
      await expect(readFile(path.join(dir, 'node_modules/.cache/postmortem', CACHE_FILE))).rejects.toThrow();
      await runBuiltCli(['validate'], dir, { CI: 'true', POSTMORTEM_CACHE: 'on' });
      expect((await readFile(path.join(dir, 'node_modules/.cache/postmortem', CACHE_FILE))).length).toBeGreaterThan(0);
      await rm(path.join(dir, 'node_modules/.cache'), { recursive: true });
      await runBuiltCli(['validate'], dir, { CI: '' });
      expect((await readFile(path.join(dir, 'node_modules/.cache/postmortem', CACHE_FILE))).length).toBeGreaterThan(0);
      await rm(path.join(dir, 'node_modules/.cache'), { recursive: true });
      await runBuiltCli(['validate'], dir, { POSTMORTEM_CACHE: 'off' });
      await expect(readFile(path.join(dir, 'node_modules/.cache/postmortem', CACHE_FILE))).rejects.toThrow();
    } finally {
      await rm(path.join(dir, 'node_modules'), { recursive: true, force: true });
    }
  });
});

describe('a cache file that cannot be used', () => {
  const cases: Array<[string, () => Promise<void>]> = [
    ['missing', () => rm(cacheFile(), { force: true })],
    ['empty', () => writeFile(cacheFile(), '')],
    ['truncated', async () => writeFile(cacheFile(), (await readFile(cacheFile())).subarray(0, 200))],
    ['corrupt', async () => writeFile(cacheFile(), Buffer.from((await readFile(cacheFile())).map((byte, i) => (i % 7 === 3 ? byte ^ 0x5a : byte))))],
    ['of another format version', async () => writeFile(cacheFile(), serialize({ ...(deserialize(await readFile(cacheFile())) as object), format: 999 }))],
    ['of another tool build', async () => writeFile(cacheFile(), serialize({ ...(deserialize(await readFile(cacheFile())) as object), identity: 'other' }))],
    ['of another shape', () => writeFile(cacheFile(), serialize({ format: 1, identity: IDENTITY, writes: 1, entries: new Map([['x', [{ key: 1 }]]]) }))],
  ];

  it.each(cases)('%s: is ignored, never a change in output, and replaced', async (_name, spoil) => {
    const off = await session(inProcess(null));
    await rm(cacheDir(), { recursive: true, force: true });
    await session(inProcess(IDENTITY));
    await spoil();
    expect(await session(inProcess(IDENTITY))).toEqual(off);
    const stored = deserialize(await readFile(cacheFile())) as { identity: string; entries: Map<string, unknown> };
    expect(stored.identity).toBe(IDENTITY);
    expect(stored.entries.size).toBeGreaterThan(0);
  });

  it('in a folder that cannot be written: the run succeeds, silently without a cache', async () => {
    const off = await session(inProcess(null));
    // A regular file where the folder should be: no folder can be made there (chmod does not stop root).
    await writeFile(path.join(dir, 'blocked'), 'not a folder');
    expect(await session(inProcess(IDENTITY), { POSTMORTEM_CACHE_DIR: path.join(dir, 'blocked', 'cache') })).toEqual(off);
  });

  it('two runs at once: both outputs are right and the cache stays readable', async () => {
    await rm(cacheDir(), { recursive: true, force: true });
    const env = { POSTMORTEM_CACHE_DIR: cacheDir() };
    const off = await runCliInProcess(['validate', '--format', 'json'], dir, env, { buildIdentity: null });
    const both = await Promise.all([1, 2].map(() => runCliInProcess(['validate', '--format', 'json'], dir, env, { buildIdentity: IDENTITY })));
    expect(both).toEqual([off, off]);
    expect(await runCliInProcess(['validate', '--format', 'json'], dir, env, { buildIdentity: IDENTITY })).toEqual(off);
  });
});

/** How many files the second run served from the cache, after `change` between the runs. */
async function hitsAfter(change: Change): Promise<{ hits: number; files: number; poolAskedFor: number[] }> {
  const folder = path.join(dir, 'keys');
  await rm(folder, { recursive: true, force: true });
  await cp(path.join(dir, 'postmortems'), path.join(folder, 'postmortems'), { recursive: true });
  await writeFile(path.join(folder, 'postmortem.config.yaml'), POLICY_CONFIG);
  const open = async (identity: string) => {
    const { workspace } = await openWorkspace(folder, { cache: { identity, dir: path.join(folder, '.cache') } });
    return counting(workspace!);
  };
  const first = await open(IDENTITY);
  await change.run(first.workspace, 'first');
  if (change.between) await change.between(folder);
  const second = await open(change.identity ?? IDENTITY);
  await change.run(second.workspace, 'second');
  return { hits: second.hits(), files: second.files(), poolAskedFor: second.poolAskedFor };
}

/** The workspace with its cache's lookups counted. */
function counting(workspace: Workspace): { workspace: Workspace; hits: () => number; files: () => number; poolAskedFor: number[] } {
  let hits = 0;
  let files = 0;
  // The file counts the run sized its pool by; no threads are started here.
  const poolAskedFor: number[] = [];
  const openFilePool = async (request: { files: number }) => {
    poolAskedFor.push(request.files);
    return null;
  };
  const openCheckCache = async () => {
    const cache = await workspace.openCheckCache!();
    if (!cache) throw new Error('the test expects a cache');
    return {
      ...cache,
      identity: cache.identity,
      get(file: string, key: string) {
        files++;
        const found = cache.get(file, key);
        if (found) hits++;
        return found;
      },
      has: (file: string, prefix: string) => cache.has(file, prefix),
      set: (file: string, key: string, check: PooledCheck) => cache.set(file, key, check),
      save: () => cache.save(),
    };
  };
  return { workspace: { ...workspace, openCheckCache, openFilePool }, hits: () => hits, files: () => files, poolAskedFor };
}

interface Change {
  run: (workspace: Workspace, which: 'first' | 'second') => Promise<unknown>;
  between?: (folder: string) => Promise<void>;
  identity?: string;
}

const validate = (today: string | null) => (workspace: Workspace) => validateWorkflow(workspace, { paths: [], today });
const report = (workspace: Workspace) => planReport(workspace, { out: '-', format: 'json', now: new Date('2025-07-01'), check: false });
const GOOD = '2024-03-09-eu-network-partition.yaml';

describe('the key: changing any input misses the cache', () => {
  it('nothing changed: every readable file is served from the cache', async () => {
    for (const run of [validate('2025-07-01'), report]) {
      const { hits, files } = await hitsAfter({ run });
      expect(files).toBeGreaterThan(20);
      expect(hits).toBe(files);
    }
  });

  // The last column: the paths with no check under the run's key, which size its threads (an edited
  // file still counts as known: its bytes are read only later).
  it.each<[string, Change, number, number]>([
    ['the bytes of one file', { run: validate('2025-07-01'), between: (f) => appendTo(f, GOOD, '\n# edited\n') }, 1, 0],
    ['the display path of one file (same bytes, renamed)', { run: validate('2025-07-01'), between: (f) => rename(f, GOOD, '2024-03-09-renamed.yaml') }, 1, 1],
    ['today as the check sees it', { run: (w, which) => validate(which === 'first' ? '2025-07-01' : '2025-07-02')(w) }, Infinity, Infinity],
    [
      'the check options (validate sends no model back, report needs it)',
      { run: (w, which) => (which === 'first' ? validate(null)(w) : report(w)) },
      Infinity,
      Infinity,
    ],
    [
      'the config',
      { run: validate('2025-07-01'), between: (f) => writeFile(path.join(f, 'postmortem.config.yaml'), POLICY_CONFIG.replace('14', '15')) },
      Infinity,
      Infinity,
    ],
    [
      'a config setting that does not change checks (the whole config is in the key)',
      { run: validate('2025-07-01'), between: (f) => writeFile(path.join(f, 'postmortem.config.yaml'), `${POLICY_CONFIG}output: reports\n`) },
      Infinity,
      Infinity,
    ],
    ['the tool build', { run: validate('2025-07-01'), identity: 'test-build-2' }, Infinity, Infinity],
  ])('%s', async (_name, change, misses, unknownPaths) => {
    const { hits, files, poolAskedFor } = await hitsAfter(change);
    expect(files - hits).toBe(misses === Infinity ? files : misses);
    // Plus the file over the size limit, which is refused before any check and so never stored.
    expect(poolAskedFor).toEqual([(unknownPaths === Infinity ? files : unknownPaths) + 1]);
  });
});

async function appendTo(folder: string, name: string, text: string): Promise<void> {
  const file = path.join(folder, 'postmortems', name);
  await writeFile(file, (await readFile(file, 'utf8')) + text);
}

async function rename(folder: string, from: string, to: string): Promise<void> {
  const bytes = await readFile(path.join(folder, 'postmortems', from));
  await rm(path.join(folder, 'postmortems', from));
  await writeFile(path.join(folder, 'postmortems', to), bytes);
}

describe('the store is bounded', () => {
  const check = (file: string): PooledCheck => ({
    file,
    source: null,
    input: null,
    incident: null,
    diagnostics: [],
    id: { file, id: file, idSpan: null, written: false },
  });

  it('keeps two keys per path, the latest', async () => {
    const folder = path.join(dir, 'bounded');
    await rm(folder, { recursive: true, force: true });
    const cache = await openCheckCache(folder, IDENTITY);
    for (const key of ['a', 'b', 'c']) cache.set('x.yaml', key, check('x.yaml'));
    await cache.save();
    const reopened = await openCheckCache(folder, IDENTITY);
    expect(['a', 'b', 'c'].map((key) => reopened.get('x.yaml', key) !== undefined)).toEqual([false, true, true]);
  });

  it(`drops a path no run stored for ${KEEP_RUNS} writes; keeps one in use`, async () => {
    const folder = path.join(dir, 'aging');
    await rm(folder, { recursive: true, force: true });
    const first = await openCheckCache(folder, IDENTITY);
    first.set('old.yaml', 'k', check('old.yaml'));
    first.set('used.yaml', 'k', check('used.yaml'));
    await first.save();
    for (let run = 0; run <= KEEP_RUNS; run++) {
      const cache = await openCheckCache(folder, IDENTITY);
      cache.get('used.yaml', 'k');
      cache.set(`new-${run}.yaml`, 'k', check(`new-${run}.yaml`));
      await cache.save();
    }
    const last = await openCheckCache(folder, IDENTITY);
    expect([last.has('old.yaml', ''), last.has('used.yaml', ''), last.has('new-1.yaml', ''), last.has(`new-${KEEP_RUNS}.yaml`, '')]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it('a warm run that changed nothing does not write the file', async () => {
    await session(inProcess(IDENTITY), {}, [['validate']]);
    const before = await readFile(cacheFile());
    await rm(cacheFile());
    await writeFile(cacheFile(), before);
    await session(inProcess(IDENTITY), {}, [['validate']]);
    expect((await readFile(cacheFile())).equals(before)).toBe(true);
  });
});

describe('the environment', () => {
  it.each(['validate', 'report'])('%s --help lists POSTMORTEM_CACHE and POSTMORTEM_CACHE_DIR', async (command) => {
    const { stdout } = await runCliInProcess([command, '--help'], REPO_ROOT);
    expect(stdout).toMatch(/POSTMORTEM_CACHE +`off`/);
    expect(stdout).toContain('POSTMORTEM_CACHE_DIR');
  });

  it('a value other than on or off is a usage error', async () => {
    const result = await runCliInProcess(['validate'], dir, { POSTMORTEM_CACHE: 'maybe' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('POSTMORTEM_CACHE takes `on` or `off`');
  });
});
