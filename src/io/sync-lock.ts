/**
 * One sync at a time per workspace on one machine: two overlapping runs
 * would both plan a create for every new action item and make duplicate
 * issues. Sync creates `.postmortem-sync.lock` at the workspace root
 * exclusively (`open(…, 'wx')`), holding who took it and when; a second run
 * finds it and stops before reading or writing anything. A lock left by a
 * run that died (its pid is gone on this host, or it is older than
 * `STALE_LOCK_MS`) is taken over, and the caller warns. Across machines (two
 * workflow runs) the workflow's `concurrency:` group does this job.
 *
 * @example
 * const taken = await acquireSyncLock(workspace.root);
 * if (!taken.ok) return print(describeHeldLock(taken));
 * try { await sync(); } finally { await taken.lock.release(); }
 */
import { hostname } from 'node:os';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The lock's name at the workspace root; ignored by git (see `.gitignore`). */
export const SYNC_LOCK_FILE = '.postmortem-sync.lock';
/** A lock older than this is stale whoever holds it: a pid can be reused, and no sync runs for hours. */
export const STALE_LOCK_MS = 3 * 60 * 60 * 1000;
/** A lock file without readable contents (a crash between create and write) is stale after this long. */
const UNREADABLE_GRACE_MS = 60 * 1000;

/** Who holds the lock, as written in the file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601 time the lock was taken. */
  started: string;
}

export interface SyncLock {
  /** Removes the lock if it is still this run's; safe to call more than once. */
  release(): Promise<void>;
  /** The same, synchronously: for a signal handler, which cannot wait for a promise before the process exits. */
  releaseNow(): void;
}

export type LockOutcome =
  { ok: true; lock: SyncLock; file: string; tookOver: LockHolder | 'unreadable' | null } | { ok: false; file: string; holder: LockHolder | null };

/** What a lock decision depends on besides the file; tests pass their own. */
export interface LockEnvironment {
  now: () => Date;
  host: string;
  pid: number;
  /** Whether a process with this pid runs on this host. */
  isAlive: (pid: number) => boolean;
  staleAfterMs: number;
}

const defaultEnvironment = (): LockEnvironment => ({
  now: () => new Date(),
  host: hostname(),
  pid: process.pid,
  isAlive: processIsAlive,
  staleAfterMs: STALE_LOCK_MS,
});

/** Takes the workspace's sync lock, or says who holds it; a stale lock is taken over (`tookOver`). */
export async function acquireSyncLock(root: string, overrides: Partial<LockEnvironment> = {}): Promise<LockOutcome> {
  const env = { ...defaultEnvironment(), ...overrides };
  const file = path.join(root, SYNC_LOCK_FILE);
  const mine: LockHolder = { pid: env.pid, host: env.host, started: env.now().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  if (await createExclusively(file, text)) return { ok: true, lock: lockOn(file, text), file: SYNC_LOCK_FILE, tookOver: null };
  const found = await readLock(file);
  if (found === null) {
    // Released between our attempt and the read: try once more.
    if (await createExclusively(file, text)) return { ok: true, lock: lockOn(file, text), file: SYNC_LOCK_FILE, tookOver: null };
    return { ok: false, file: SYNC_LOCK_FILE, holder: null };
  }
  if (!isStale(found, env)) return { ok: false, file: SYNC_LOCK_FILE, holder: found.holder };
  if (!(await removeIfUnchanged(file, found.text, env.pid)) || !(await createExclusively(file, text))) {
    // Another run took the stale lock over first; it holds it now.
    const current = await readLock(file);
    return { ok: false, file: SYNC_LOCK_FILE, holder: current?.holder ?? null };
  }
  return { ok: true, lock: lockOn(file, text), file: SYNC_LOCK_FILE, tookOver: found.holder ?? 'unreadable' };
}

/** One line for the user: who holds the lock, since when, and what to do. */
export function describeHeldLock(outcome: Extract<LockOutcome, { ok: false }>): string {
  const who = outcome.holder ? `process ${outcome.holder.pid} on ${outcome.holder.host}, since ${outcome.holder.started}` : 'a run that is just starting';
  return (
    `another sync is running in this workspace (${who}; lock file \`${outcome.file}\`); nothing was read or written. ` +
    `Wait for it to finish and run sync again; if that process is gone, delete \`${outcome.file}\`.`
  );
}

/** The warning when a stale lock was taken over. */
export function describeTakeover(file: string, holder: LockHolder | 'unreadable'): string {
  const who = holder === 'unreadable' ? 'a lock with no readable owner' : `the lock of process ${holder.pid} on ${holder.host} from ${holder.started}`;
  return `warning: took over ${who} (\`${file}\`): that run is no longer alive or the lock is too old`;
}

async function createExclusively(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

interface FoundLock {
  text: string;
  holder: LockHolder | null;
  modifiedMs: number;
}

async function readLock(file: string): Promise<FoundLock | null> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { text, holder: parseHolder(text), modifiedMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string' || typeof data.started !== 'string') return null;
    return { pid: data.pid, host: data.host, started: data.started };
  } catch {
    return null;
  }
}

function isStale(found: FoundLock, env: LockEnvironment): boolean {
  const now = env.now().getTime();
  if (found.holder === null) return now - found.modifiedMs > UNREADABLE_GRACE_MS;
  const started = Date.parse(found.holder.started);
  if (Number.isNaN(started) || now - started > env.staleAfterMs) return true;
  // A pid only means something on its own host; a lock from another host waits for the age limit.
  return found.holder.host === env.host && !env.isAlive(found.holder.pid);
}

/**
 * Moves the stale lock aside and checks it is the one judged stale: if
 * another run replaced it in between, that fresh lock is put back.
 */
async function removeIfUnchanged(file: string, staleText: string, pid: number): Promise<boolean> {
  const aside = `${file}.${pid}.stale`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  if (moved !== staleText) await link(aside, file).catch(() => undefined);
  await unlink(aside);
  return moved === staleText;
}

function lockOn(file: string, text: string): SyncLock {
  let released = false;
  // Only our own lock is removed: after a takeover by someone else, the file is theirs.
  return {
    async release() {
      if (released) return;
      released = true;
      const current = await readFile(file, 'utf8').catch(() => null);
      if (current === text) await unlink(file).catch(() => undefined);
    },
    releaseNow() {
      if (released) return;
      released = true;
      try {
        if (readFileSync(file, 'utf8') === text) unlinkSync(file);
      } catch {
        // Already gone, or unreadable: nothing of ours to remove.
      }
    },
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
