import { mkdtemp, readFile, writeFile, access } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireSyncLock, describeHeldLock, SYNC_LOCK_FILE, type LockHolder } from '../../src/io/sync-lock.js';
import { FakeGithub } from './fake-github.js';
import { copyFixture, readIncident, runSync, TEST_TOKEN } from './run-sync.js';

const now = new Date('2026-03-01T10:00:00Z');
const env = { now: () => now, host: 'build-1', pid: 4242, isAlive: (pid: number) => pid === 1111, staleAfterMs: 3 * 3600_000 };
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

async function workspaceWithLock(holder: LockHolder | string | null): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-lock-'));
  if (holder !== null) await writeFile(path.join(dir, SYNC_LOCK_FILE), typeof holder === 'string' ? holder : JSON.stringify(holder));
  return dir;
}

describe('the sync lock: one run at a time per workspace', () => {
  it('is created exclusively with pid, host and start time, and removed on release', async () => {
    const dir = await workspaceWithLock(null);
    const taken = await acquireSyncLock(dir, env);
    expect(taken).toMatchObject({ ok: true, tookOver: null, file: SYNC_LOCK_FILE });
    expect(JSON.parse(await readFile(path.join(dir, SYNC_LOCK_FILE), 'utf8'))).toEqual({ pid: 4242, host: 'build-1', started: '2026-03-01T10:00:00.000Z' });
    const second = await acquireSyncLock(dir, { ...env, pid: 1111, isAlive: () => true });
    expect(second).toEqual({ ok: false, file: SYNC_LOCK_FILE, holder: { pid: 4242, host: 'build-1', started: '2026-03-01T10:00:00.000Z' } });
    if (taken.ok) await taken.lock.release();
    expect(await exists(path.join(dir, SYNC_LOCK_FILE))).toBe(false);
  });

  it.each<[string, LockHolder | string, 'held' | 'taken over']>([
    ['a live process on this host', { pid: 1111, host: 'build-1', started: '2026-03-01T09:30:00Z' }, 'held'],
    ['a dead process on this host', { pid: 2222, host: 'build-1', started: '2026-03-01T09:30:00Z' }, 'taken over'],
    ['a process on another host, recent', { pid: 2222, host: 'build-2', started: '2026-03-01T09:30:00Z' }, 'held'],
    ['a process on another host, older than the limit', { pid: 2222, host: 'build-2', started: '2026-03-01T06:00:00Z' }, 'taken over'],
    ['a live process, older than the limit (a reused pid)', { pid: 1111, host: 'build-1', started: '2026-03-01T06:59:00Z' }, 'taken over'],
    ['an unreadable lock written long ago', 'not json', 'taken over'],
  ])('a lock held by %s is %s', async (_name, holder, expected) => {
    const dir = await workspaceWithLock(holder);
    // "Long ago" for the unreadable lock: the file's time is now; the clock is moved ahead.
    const later = typeof holder === 'string' ? { now: () => new Date(Date.now() + 120_000) } : {};
    const taken = await acquireSyncLock(dir, { ...env, ...later });
    expect(taken.ok ? 'taken over' : 'held').toBe(expected);
    if (taken.ok) {
      expect(taken.tookOver).toEqual(typeof holder === 'string' ? 'unreadable' : holder);
      await taken.lock.release();
    }
  });

  it('an unreadable lock just written (a run starting) is held', async () => {
    const dir = await workspaceWithLock('');
    expect(await acquireSyncLock(dir, { ...env, now: () => new Date() })).toMatchObject({ ok: false, holder: null });
  });

  it("release leaves a lock that is no longer this run's", async () => {
    const dir = await workspaceWithLock(null);
    const taken = await acquireSyncLock(dir, env);
    await writeFile(path.join(dir, SYNC_LOCK_FILE), JSON.stringify({ pid: 9, host: 'other', started: now.toISOString() }));
    if (taken.ok) await taken.lock.release();
    expect(await exists(path.join(dir, SYNC_LOCK_FILE))).toBe(true);
  });

  it('says who holds it, since when, and what to do', () => {
    expect(describeHeldLock({ ok: false, file: SYNC_LOCK_FILE, holder: { pid: 77, host: 'ci-3', started: '2026-03-01T09:30:00.000Z' } })).toBe(
      'another sync is running in this workspace (process 77 on ci-3, since 2026-03-01T09:30:00.000Z; lock file `.postmortem-sync.lock`); nothing was read or written. ' +
        'Wait for it to finish and run sync again; if that process is gone, delete `.postmortem-sync.lock`.',
    );
  });
});

describe('postmortem sync and the lock', () => {
  let server: FakeGithub;
  afterEach(() => server.stop());

  it('a second sync while one holds the lock exits 1, names the holder, and reads and writes nothing', async () => {
    server = new FakeGithub({ token: TEST_TOKEN, collaborators: ['alice'] });
    await server.start();
    const dir = await copyFixture('sync-basic');
    const before = await readIncident(dir);
    const holder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    await writeFile(path.join(dir, SYNC_LOCK_FILE), JSON.stringify(holder));
    const run = await runSync(dir, server.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `postmortem sync: another sync is running in this workspace (process ${process.pid} on ${hostname()}, since ${holder.started}`,
    );
    expect(server.log).toEqual([]);
    expect(await readIncident(dir)).toBe(before);
    // A dry run writes nothing, so it does not wait for the lock.
    expect((await runSync(dir, server.url, ['--dry-run'])).code).toBe(0);
  });

  it('a stale lock (its process is gone) is taken over with a warning, and released at the end', async () => {
    server = new FakeGithub({ token: TEST_TOKEN, collaborators: ['alice'] });
    await server.start();
    const dir = await copyFixture('sync-basic');
    // Pid 2^22 + 1 is above Linux's pid_max default, so no process has it.
    await writeFile(path.join(dir, SYNC_LOCK_FILE), JSON.stringify({ pid: 4_194_305, host: hostname(), started: new Date().toISOString() }));
    const run = await runSync(dir, server.url);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: took over the lock of process 4194305 on .* \(`\.postmortem-sync\.lock`\): that run is no longer alive or the lock is too old\n$/,
    );
    expect(server.issues).toHaveLength(3);
    expect(await exists(path.join(dir, SYNC_LOCK_FILE))).toBe(false);
  });

  it('the lock is released when the run fails (a wrong token)', async () => {
    server = new FakeGithub({ token: TEST_TOKEN });
    await server.start();
    const dir = await copyFixture('sync-basic');
    const run = await runSync(dir, server.url, [], { GITHUB_TOKEN: 'ghp_WRONGTOKEN0123456789abcdefWRONG' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('check GITHUB_TOKEN (or GH_TOKEN): GitHub did not accept it');
    expect(await exists(path.join(dir, SYNC_LOCK_FILE))).toBe(false);
  });
});
