/**
 * The check cache (`CheckCache` of workflows/workspace.ts) on disk: one file,
 * `checks.v8`, written with `v8.serialize` (a check crosses threads already,
 * so it is structured-cloneable) via a temp file and a rename, after the run
 * and only when an entry changed. Two runs at once: the last rename wins and
 * both outputs are right, since either file only holds correct entries.
 *
 * Anything wrong with the file (missing, truncated, corrupt, another format or
 * build) reads as an empty cache that the run then replaces; a folder that
 * cannot be written leaves the run without a cache, silently. Never an error.
 *
 * Bounded: at most `VARIANTS_PER_FILE` entries per path (validate and report
 * check with other options, so both stay warm), and a path no run has stored
 * or refreshed for `KEEP_RUNS` writes is dropped.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { CHECK_CACHE_FORMAT } from '../workflows/check-cache.js';
import type { CheckCache, PooledCheck } from '../workflows/workspace.js';
import { replaceFile } from './replace-file.js';

export const CACHE_FILE = 'checks.v8';
/** Keys kept per path: the latest first. */
const VARIANTS_PER_FILE = 2;
/** Writes of the cache a path survives without being stored or refreshed. */
export const KEEP_RUNS = 16;

interface Entry {
  key: string;
  /**
   * The check, serialised on its own: a run deserialises only the entries it is served
   * (validate's and report's are kept apart), and an unchanged entry is written back as it was read.
   */
  data: Uint8Array;
  /** The write counter when this entry was last stored or refreshed. */
  seen: number;
}

interface Stored {
  format: number;
  identity: string;
  /** How many times this cache was written. */
  writes: number;
  entries: Map<string, Entry[]>;
}

/** The cache stored in `folder` (empty when there is none to read), for the build `identity`. */
export async function openCheckCache(folder: string, identity: string): Promise<CheckCache> {
  const file = path.join(folder, CACHE_FILE);
  const stored: Stored = (await readStored(file, identity)) ?? { format: CHECK_CACHE_FORMAT, identity, writes: 0, entries: new Map() };
  const { entries } = stored;
  let changed = false;
  return {
    identity,
    get(name, key) {
      const entry = entries.get(name)?.find((candidate) => candidate.key === key);
      if (!entry) return undefined;
      // Refreshed now and then, not on every hit: an unchanged warm run writes nothing.
      if (stored.writes - entry.seen >= KEEP_RUNS / 2) {
        entry.seen = stored.writes;
        changed = true;
      }
      // An entry damaged in a way the outer file did not show is a miss, never a wrong result.
      try {
        const check = deserialize(entry.data) as PooledCheck | null;
        return check?.file === name && Array.isArray(check.diagnostics) ? check : undefined;
      } catch {
        return undefined;
      }
    },
    has: (name, prefix) => (entries.get(name) ?? []).some((entry) => entry.key.startsWith(prefix)),
    set(name, key, check) {
      const others = (entries.get(name) ?? []).filter((entry) => entry.key !== key);
      entries.set(name, [{ key, data: serialize(check), seen: stored.writes }, ...others].slice(0, VARIANTS_PER_FILE));
      changed = true;
    },
    async save() {
      if (!changed) return;
      changed = false;
      const writes = stored.writes + 1;
      const kept = new Map<string, Entry[]>();
      for (const [name, list] of entries) {
        const recent = list.filter((entry) => writes - entry.seen <= KEEP_RUNS);
        if (recent.length > 0) kept.set(name, recent);
      }
      await writeStored(file, { format: CHECK_CACHE_FORMAT, identity, writes, entries: kept });
    },
  };
}

/** The stored cache, or null when the file is missing or unusable in any way. */
async function readStored(file: string, identity: string): Promise<Stored | null> {
  try {
    const value = deserialize(await readFile(file)) as Partial<Stored> | null;
    if (!value || value.format !== CHECK_CACHE_FORMAT || value.identity !== identity) return null;
    if (!(value.entries instanceof Map) || typeof value.writes !== 'number') return null;
    for (const list of value.entries.values()) if (!Array.isArray(list) || list.some((entry) => !isEntry(entry))) return null;
    return value as Stored;
  } catch {
    return null;
  }
}

function isEntry(entry: unknown): entry is Entry {
  const candidate = entry as Partial<Entry> | null;
  return typeof candidate?.key === 'string' && typeof candidate.seen === 'number' && candidate.data instanceof Uint8Array;
}

/** Temp file + rename (`replaceFile`); any failure (a read-only folder, a full disk) leaves the run without a cache. */
async function writeStored(file: string, stored: Stored): Promise<void> {
  await replaceFile(file, serialize(stored)).catch(() => {});
}
