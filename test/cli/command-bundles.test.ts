/**
 * Each command runs from a bundle of its own with V8's code cache beside it
 * (io/command-bundle.ts, scripts/bundle-cli.ts). These tests cover how a
 * bundle is found, that a missing or refused cache is written afresh and a
 * good one is kept, and that the built CLI's caches are ones V8 accepts.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_LOADERS } from '../../src/cli/commands/lazy.js';
import { codeCacheFile, commandBundle, runCommandBundle } from '../../src/io/command-bundle.js';
import { CLI, REPO_ROOT, runBuiltCli, scratchRepo } from './built-cli.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'postmortem-bundle-'));
  await writeFile(path.join(dir, 'validate.cjs'), 'globalThis.__bundleRun = { file: __filename, join: typeof require("node:path").join };\n');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('finding a command bundle', () => {
  it.each([
    ['validate', 'validate.cjs'],
    ['lint', null],
    [undefined, null],
    ['--version', null],
    ['../validate', null],
    ['Validate', null],
  ])('%s → %s', (name, expected) => {
    expect(commandBundle(dir, name)).toBe(expected === null ? null : path.join(dir, expected));
  });
});

describe('running a command bundle with its code cache', () => {
  const run = () => {
    const bundle = path.join(dir, 'validate.cjs');
    const atExit = runCommandBundle(bundle);
    const ran = (globalThis as { __bundleRun?: unknown }).__bundleRun;
    atExit();
    return ran;
  };

  it('runs the bundle as CommonJS, with require and __filename', () => {
    expect(run()).toEqual({ file: path.join(dir, 'validate.cjs'), join: 'function' });
  });

  it.each([
    ['there is none', null],
    ['V8 refuses it', 'not a code cache'],
  ])('writes a new cache at exit when %s', async (_case, old) => {
    const cache = codeCacheFile(path.join(dir, 'validate.cjs'));
    if (old !== null) await writeFile(cache, old);
    run();
    const written = await readFile(cache);
    expect(written.length).toBeGreaterThan(0);
    expect(written.toString('latin1')).not.toBe(old);
  });

  it('goes without a cache, and without failing, where it cannot write one', async () => {
    const cache = codeCacheFile(path.join(dir, 'validate.cjs'));
    await mkdir(cache); // a folder where the cache file would go: it cannot be replaced
    expect(run()).toEqual({ file: path.join(dir, 'validate.cjs'), join: 'function' });
    expect((await readdir(dir)).sort()).toEqual(['validate.cjs', 'validate.cjs.cache']);
  });

  it('keeps a cache V8 accepts as it is', async () => {
    run();
    const cache = codeCacheFile(path.join(dir, 'validate.cjs'));
    const before = (await stat(cache)).mtimeMs;
    run();
    expect((await stat(cache)).mtimeMs).toBe(before);
  });
});

describe('the built CLI', () => {
  it.each(Object.keys(COMMAND_LOADERS))('has a bundle and a code cache for %s', async (name) => {
    const bundle = commandBundle(path.dirname(CLI), name);
    expect(bundle).toBe(path.join(REPO_ROOT, 'dist/bin', `${name}.cjs`));
    expect((await stat(codeCacheFile(bundle!))).size).toBeGreaterThan(0);
  });

  it('runs validate from a cache V8 accepts (the run leaves it untouched)', async () => {
    const cache = codeCacheFile(path.join(path.dirname(CLI), 'validate.cjs'));
    const before = (await stat(cache)).mtimeMs;
    const repo = await scratchRepo({ postmortems: 'postmortems' });
    try {
      expect(await runBuiltCli(['validate', '--quiet'], repo.dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      await repo.cleanup();
    }
    expect((await stat(cache)).mtimeMs).toBe(before);
  });
});
