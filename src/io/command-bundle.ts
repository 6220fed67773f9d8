/**
 * Runs a command from its own bundle, `dist/bin/<command>.cjs`
 * (scripts/bundle-cli.ts), with V8's code cache kept beside it
 * (`<command>.cjs.cache`).
 *
 * Why: Node 20 has no compile cache for modules (`module.enableCompileCache`
 * came in 22.1), so every run compiled the bundle afresh: the source parsed,
 * then each function compiled when first called. That was about half of a
 * short command's start-up. The cache holds the bytecode of every function
 * the build's warm-up run called. V8 checks the cache against the source and
 * its own version and flags, and ignores a cache that does not match (another
 * Node version, `--cpu-prof`). That run then writes a fresh one when the
 * process exits: a temp file and a rename, so a concurrent run never reads
 * half a file. A read-only install simply goes without. The package does not
 * ship the caches (package.json `files`): a cache fits only the exact Node
 * that wrote it, so an installed copy writes its own on each command's first
 * run.
 *
 * A CommonJS bundle, because `vm.Script` takes a cache and ES modules in
 * Node 20 do not.
 *
 * @example
 * const bundle = commandBundle('/pkg/dist/bin', 'validate'); // → '/pkg/dist/bin/validate.cjs'
 * if (bundle) process.once('exit', runCommandBundle(bundle));
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { constants, Script } from 'node:vm';

/** The bundle of command `name` in `folder`, or null when it has none (help, `--version`, a mistyped name, tsc's dist/). */
export function commandBundle(folder: string, name: string | undefined): string | null {
  if (name === undefined || !/^[a-z]+$/.test(name)) return null;
  const file = path.join(folder, `${name}.cjs`);
  return existsSync(file) ? file : null;
}

/** Where the code cache of `bundle` is kept. */
export const codeCacheFile = (bundle: string) => `${bundle}.cache`;

/**
 * Compiles `bundle` with its code cache and runs it; returns what to call at
 * process exit: it writes a new cache when there was none or V8 refused it,
 * and does nothing otherwise.
 */
export function runCommandBundle(bundle: string): () => void {
  const cacheFile = codeCacheFile(bundle);
  const cachedData = readIfPresent(cacheFile);
  // The same wrapper Node gives a CommonJS file, so the bundle sees require, module and __filename.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, {
    filename: bundle,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return () => {
    if (stale) writeCodeCache(cacheFile, script);
  };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Best effort: a folder the user cannot write to means no cache, never a
 * failed command. The temp file is opened before the cache is serialised, so
 * a read-only install whose cache does not fit this Node does not pay for
 * serialising one on every run.
 */
function writeCodeCache(file: string, script: Script): void {
  const temp = `${file}.${process.pid}.tmp`;
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch {
    return;
  }
  try {
    try {
      writeSync(fd, script.createCachedData());
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
