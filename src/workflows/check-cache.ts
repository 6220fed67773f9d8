/**
 * The keys of the check cache (the `CheckCache` port) and a run's view of it.
 * A check is a pure function of the file's display path, its bytes, the
 * check options (`today`, whether the model is sent back), the whole config
 * and the tool's code, so a stored check whose key holds all of them can be
 * served instead of parsing the file again, as ESLint's and Prettier's
 * `--cache` do. A key that left one of them out would show a stale result:
 * each has a test that changing it misses the cache (test/workflows/check-cache.test.ts).
 *
 * @example
 * const run = await openCheckRun(workspace, files);
 * try { for await (const entry of checkFiles(workspace, files, { pool: run.pool, cache: run.cache })) … }
 * finally { await run.close(); }
 */
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import type { Config } from '../config/config.js';
import type { CheckedIncident } from '../validate/check-incident.js';
import { idRecord } from './incident-ids.js';
import type { CheckCache, FilePool, FilePoolRequest, PooledCheck, Workspace } from './workspace.js';

/** Bumped whenever what a key holds or what an entry stores changes shape. */
export const CHECK_CACHE_FORMAT = 1;

/** The options of one `checkFiles` run that change what it yields. */
export interface CachedCheckOptions {
  today: string | null;
  diagnosticsOnly: boolean;
}

/** The cache bound to one run's config and options: looked up and filled by file and bytes. */
export interface RunCache {
  get(file: string, bytes: Uint8Array): PooledCheck | undefined;
  /** Stores what a check yielded, in the shape a pooled check has (no syntax tree, no input). */
  set(file: string, bytes: Uint8Array, checked: CheckedIncident | PooledCheck): void;
}

/** The cache a run shares between its `checkFiles` calls; `bind` fixes the options of one of them (null: nothing is cached). */
export interface RunChecks {
  bind(options: CachedCheckOptions): RunCache | null;
}

/**
 * The part of every key one run shares: the cache format, the tool build, the
 * config and the options. Null when the config cannot be serialised (then nothing is cached).
 */
export function runVariant(cache: CheckCache, config: Config, options: CachedCheckOptions): string | null {
  try {
    return digest([serialize([CHECK_CACHE_FORMAT, cache.identity, config, options.today, options.diagnosticsOnly])]);
  } catch {
    return null;
  }
}

/** The per-file part of the key: the display path and the bytes. */
export function fileDigest(file: string, bytes: Uint8Array): string {
  return digest([file, '\0', bytes]);
}

function digest(parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('base64');
}

/** The cache for one set of options under `config`, or null when nothing can be cached. */
export function bindCache(cache: CheckCache, config: Config, options: CachedCheckOptions): RunCache | null {
  const variant = runVariant(cache, config, options);
  if (variant === null) return null;
  // The key of a miss is needed again when its check is stored: hashed once per read.
  const keys = new WeakMap<Uint8Array, string>();
  const keyOf = (file: string, bytes: Uint8Array) => {
    let key = keys.get(bytes);
    if (key === undefined) keys.set(bytes, (key = `${variant}:${fileDigest(file, bytes)}`));
    return key;
  };
  return {
    get: (file, bytes) => cache.get(file, keyOf(file, bytes)),
    set(file, bytes, checked) {
      // A check that could not finish (a bug, a worker that stopped) is not a result to keep.
      if (checked.diagnostics.some((diagnostic) => diagnostic.ruleId === 'schema/internal')) return;
      const id = 'id' in checked && checked.id ? checked.id : idRecord(file, checked.source);
      const incident = options.diagnosticsOnly ? null : checked.incident;
      cache.set(file, keyOf(file, bytes), { ...checked, source: null, input: null, incident, id });
    },
  };
}

/** A run's pool and cache, opened together; `close` stops the pool and saves the cache. */
export interface CheckRun {
  pool: FilePool | null;
  checks: RunChecks | null;
  close(): Promise<void>;
}

/**
 * Opens the cache, then the worker pool sized by the files it holds no check
 * of under this run's config, build and options (a warm run of 1,000 files
 * starts no threads: each would pay its warm-up for nothing; a run after a
 * config change still gets its threads).
 */
export async function openCheckRun(
  workspace: Workspace,
  files: readonly string[],
  options: CachedCheckOptions,
  request: Omit<FilePoolRequest, 'files'> = {},
): Promise<CheckRun> {
  const cache = (await workspace.openCheckCache?.()) ?? null;
  const variant = cache ? runVariant(cache, workspace.config, options) : null;
  const unknown = cache && variant !== null ? files.filter((file) => !cache.has(file, `${variant}:`)).length : files.length;
  const pool = (await workspace.openFilePool?.({ ...request, files: unknown })) ?? null;
  return {
    pool,
    checks: cache ? { bind: (options) => bindCache(cache, workspace.config, options) } : null,
    async close() {
      await pool?.close();
      await cache?.save();
    },
  };
}
