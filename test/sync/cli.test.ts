/**
 * The built CLI as a subprocess: killed mid-run (SIGKILL, at several points)
 * and run again, it converges; and the token never appears in any output.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/load/parse.js';
import { parseMarker } from '../../src/sync/marker.js';
import { SYNC_LOCK_FILE } from '../../src/io/sync-lock.js';
import { FakeGithub, seededFaults, type FakeGithubOptions } from './fake-github.js';
import { copyFixture, makeManyItems, runSync, TEST_TOKEN } from './run-sync.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
let server: FakeGithub;

// Runs the built CLI: `npm test` builds dist/ once before vitest starts (run `npx tsc -p .` first when running this file alone).
afterEach(() => server?.stop());

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runCli(cwd: string, args: string[], env: Record<string, string> = {}, onSpawn?: (pid: number) => void): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: TEST_TOKEN, POSTMORTEM_SYNC_PACE_MS: '0', POSTMORTEM_SYNC_BACKOFF_MS: '5', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (child.pid) onSpawn?.(child.pid);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function start(options: FakeGithubOptions): Promise<string> {
  server = new FakeGithub({ token: TEST_TOKEN, ...options });
  return server.start();
}

describe('killed mid-run, then run again', () => {
  it.each([1, 6, 15])('SIGKILL right after create number %i committed: the rerun converges', async (killAt) => {
    let pid = 0;
    const url = await start({ afterCreate: (_issue, creates) => creates === killAt && process.kill(pid, 'SIGKILL') });
    const dir = await makeManyItems(20);
    const args = ['sync', '--repo', 'acme/platform', '--api-url', url];
    const killed = await runCli(dir, args, {}, (p) => (pid = p));
    expect(killed.signal).toBe('SIGKILL');
    expect(server.issues).toHaveLength(killAt);

    const rerun = await runCli(dir, args);
    expect(rerun.code).toBe(0);
    expect(server.issues).toHaveLength(20);
    expect(new Set(server.issues.map((i) => parseMarker(i.body)?.action)).size).toBe(20);
    const text = await readFile(path.join(dir, 'postmortems', '2024-03-01-many.yaml'), 'utf8');
    const loaded = parseYamlSource('many.yaml', text);
    expect(loaded.diagnostics).toEqual([]);
    const items = (loaded.data as { action_items: Array<{ id: string; issue: number }> }).action_items;
    const byAction = new Map(server.issues.map((i) => [parseMarker(i.body)!.action, i.number]));
    expect(items.map((item) => item.issue)).toEqual(items.map((item) => byAction.get(item.id)));

    const writes = server.writes().length;
    const third = await runCli(dir, args);
    expect(third.stdout).toContain('20 unchanged');
    expect(server.writes().length).toBe(writes);
  });
});

describe('interrupted (Ctrl-C, or a runner cancelling the job)', () => {
  it.each<NodeJS.Signals>(['SIGINT', 'SIGTERM'])('%s while a create hangs: the lock is released, the exit says so, and the rerun finishes', async (signal) => {
    let pid = 0;
    const url = await start({
      faults: (request) => {
        if (request.method !== 'POST') return null;
        process.kill(pid, signal);
        return { kind: 'hang' };
      },
    });
    const dir = await makeManyItems(3);
    const args = ['sync', '--repo', 'acme/platform', '--api-url', url];
    const stopped = await runCli(dir, args, {}, (p) => (pid = p));
    expect(stopped.code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(stopped.stderr).toContain(`postmortem sync: stopped by ${signal}; the lock is released.`);
    await expect(readFile(path.join(dir, SYNC_LOCK_FILE), 'utf8')).rejects.toThrow(/ENOENT/);

    await server.stop();
    const rerunUrl = await start({});
    const rerun = await runCli(dir, ['sync', '--repo', 'acme/platform', '--api-url', rerunUrl]);
    expect(rerun.code).toBe(0);
    expect(server.issues).toHaveLength(3);
  });
});

describe("killed between creating a done item's issue and closing it", () => {
  it('the rerun closes it as completed and leaves the YAML at done', async () => {
    let pid = 0;
    const url = await start({ collaborators: ['alice'], afterCreate: (_issue, creates) => creates === 3 && process.kill(pid, 'SIGKILL') });
    const dir = await copyFixture('sync-basic');
    const args = ['sync', '--repo', 'acme/platform', '--api-url', url];
    expect((await runCli(dir, args, {}, (p) => (pid = p))).signal).toBe('SIGKILL');
    expect(server.issues[2]!.state).toBe('open');
    const rerun = await runCli(dir, args);
    expect(rerun.code).toBe(0);
    expect(server.issues.map((i) => [i.state, i.state_reason])).toEqual([
      ['open', null],
      ['open', null],
      ['closed', 'completed'],
    ]);
    const text = await readFile(path.join(dir, 'postmortems', '2024-01-15-checkout.yaml'), 'utf8');
    expect(text).toContain('    status: done\n    type: detect\n    issue: 3\n');
  });
});

describe('the token never appears in any output', () => {
  const leaks = (exit: { stdout: string; stderr: string }) => `${exit.stdout}\n${exit.stderr}`.includes(TEST_TOKEN);

  it('the built CLI with --verbose against a server that echoes credentials in its errors', async () => {
    const url = await start({ faults: seededFaults(0.3, [{ kind: 'status', status: 500 }]) });
    const dir = await copyFixture('sync-basic');
    const exit = await runCli(dir, ['sync', '--repo', 'acme/platform', '--api-url', url, '--verbose'], { POSTMORTEM_SYNC_TIMEOUT_MS: '500' });
    expect(exit.stderr).toContain('GET /repos/acme/platform/issues');
    expect(leaks(exit)).toBe(false);
  });

  it.each<[string, string[], FakeGithubOptions]>([
    ['a normal run with --verbose', ['--verbose'], {}],
    ['a dry run with --verbose', ['--dry-run', '--verbose'], {}],
    ['a server error whose message echoes the credentials', ['--verbose'], { faults: () => ({ kind: 'status', status: 500 }) }],
    ['a run the server refuses (wrong token)', ['--verbose'], { token: 'another-token' }],
    ['a 422 on every create', ['--verbose'], { collaborators: [] }],
  ])('in-process: %s', async (_name, extra, options) => {
    const url = await start(options);
    const dir = await copyFixture('sync-basic');
    const exit = await runSync(dir, url, extra, { POSTMORTEM_SYNC_TIMEOUT_MS: '500' });
    expect(exit.stdout + exit.stderr).not.toBe('');
    expect(leaks(exit)).toBe(false);
  });

  it.each([
    ['a plain http:// URL that is not loopback', ['--api-url', 'http://example.com']],
    ['a URL carrying the token', ['--api-url', `https://x:${TEST_TOKEN}@ghe.example.com`]],
    ['a bad --pace-ms', ['--pace-ms', TEST_TOKEN]],
    ['an unknown flag', [`--${TEST_TOKEN}`]],
  ])('usage error: %s exits 2 without the token', async (_name, extra) => {
    const dir = await copyFixture('sync-basic');
    const exit = await runSync(dir, 'https://api.github.com', extra);
    expect(exit.code).toBe(2);
    expect(leaks(exit)).toBe(false);
  });
});
