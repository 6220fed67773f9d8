import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/load/parse.js';
import { parseMarker } from '../../src/sync/marker.js';
import { FakeGithub, seededFaults, type Fault, type RequestInfo } from './fake-github.js';
import { copyFixture, makeManyItems, runSync, TEST_TOKEN } from './run-sync.js';

let server: FakeGithub;
afterEach(() => server.stop());

/** Injects `fault` into the first request that matches, and only that one. */
function once(method: string, pathPattern: RegExp, fault: Fault): (request: RequestInfo) => Fault | null {
  let used = false;
  return (request) => {
    if (used || request.method !== method || !pathPattern.test(request.path)) return null;
    used = true;
    return fault;
  };
}

const ISSUES = /\/issues$/;
const ONE_ISSUE = /\/issues\/\d+$/;

describe('faults: every run ends with exactly one issue per item and every write-back', () => {
  it.each<[string, string, RegExp, Fault]>([
    ['a 500 on the listing', 'GET', ISSUES, { kind: 'status', status: 500 }],
    ['a reset connection on the listing', 'GET', ISSUES, { kind: 'reset' }],
    ['a listing that never answers (timeout)', 'GET', ISSUES, { kind: 'hang' }],
    ['a primary rate limit (403, remaining 0) on the listing', 'GET', ISSUES, { kind: 'primary' }],
    ['a 502 on a create (nothing committed)', 'POST', ISSUES, { kind: 'status', status: 502 }],
    ['a reset on a create (nothing committed)', 'POST', ISSUES, { kind: 'reset' }],
    ['a create that hangs (timeout)', 'POST', ISSUES, { kind: 'hang' }],
    ['a create committed, then answered 502', 'POST', ISSUES, { kind: 'commit-then', then: 'status' }],
    ['a create committed, then the connection reset', 'POST', ISSUES, { kind: 'commit-then', then: 'reset' }],
    ['a secondary rate limit (403, retry-after) on a create', 'POST', ISSUES, { kind: 'secondary', retryAfter: 1 }],
    ['a 429 with retry-after on a create', 'POST', ISSUES, { kind: 'too-many', retryAfter: 1 }],
    ['a 500 on a close', 'PATCH', ONE_ISSUE, { kind: 'status', status: 500 }],
    ['a close committed, then answered 502', 'PATCH', ONE_ISSUE, { kind: 'commit-then', then: 'status' }],
  ])('%s', async (_name, method, pattern, fault) => {
    server = new FakeGithub({ token: TEST_TOKEN, collaborators: ['alice'], faults: once(method, pattern, fault) });
    await server.start();
    const dir = await copyFixture('sync-basic');
    const run = await runSync(dir, server.url, [], { POSTMORTEM_SYNC_TIMEOUT_MS: '300' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(server.issues.map((i) => [i.number, i.state])).toEqual([
      [1, 'open'],
      [2, 'open'],
      [3, 'closed'],
    ]);
    const text = await readFile(path.join(dir, 'postmortems', '2024-01-15-checkout.yaml'), 'utf8');
    expect(text.match(/issue: \d/g)).toEqual(['issue: 1', 'issue: 2', 'issue: 3']);
  });

  it('a 429 waits the full retry-after before the request is sent again', async () => {
    server = new FakeGithub({ token: TEST_TOKEN, collaborators: ['alice'], faults: once('POST', ISSUES, { kind: 'too-many', retryAfter: 1 }) });
    await server.start();
    const dir = await copyFixture('sync-basic');
    const started = Date.now();
    await runSync(dir, server.url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.log.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('a create that keeps failing fails that item only; the others are synced and the exit status is 1', async () => {
    let creates = 0;
    server = new FakeGithub({
      token: TEST_TOKEN,
      collaborators: ['alice'],
      faults: (r) => (r.method === 'POST' && ISSUES.test(r.path) && ++creates <= 5 ? { kind: 'status', status: 500 } : null),
    });
    await server.start();
    const dir = await copyFixture('sync-basic');
    const run = await runSync(dir, server.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/failed +postmortems\/2024-01-15-checkout.yaml {2}add-gift-card-test: creating an issue failed \(HTTP 500/);
    expect(run.stdout).toContain('sync: 2 created, 0 updated, 0 closed, 0 unchanged, 1 failed');
    const rerun = await runSync(dir, server.url);
    expect(rerun.code).toBe(0);
    expect(server.issues).toHaveLength(3);
  });

  it('200 action items under a 20% fault rate end with exactly 200 issues and all write-backs', async () => {
    const faults: Fault[] = [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      { kind: 'reset' },
      { kind: 'hang' },
      { kind: 'commit-then', then: 'status' },
      { kind: 'commit-then', then: 'reset' },
    ];
    server = new FakeGithub({ token: TEST_TOKEN, faults: seededFaults(0.2, faults, 7) });
    await server.start();
    const dir = await makeManyItems(200);
    const run = await runSync(dir, server.url, [], { POSTMORTEM_SYNC_TIMEOUT_MS: '250' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const keys = server.issues.map((i) => parseMarker(i.body)?.action);
    expect(server.issues).toHaveLength(200);
    expect(new Set(keys).size).toBe(200);
    const text = await readFile(path.join(dir, 'postmortems', '2024-03-01-many.yaml'), 'utf8');
    const data = parseYamlSource('many.yaml', text).data as { action_items: Array<{ id: string; issue: number }> };
    const byAction = new Map(server.issues.map((i) => [parseMarker(i.body)!.action, i.number]));
    expect(data.action_items.every((item) => byAction.get(item.id) === item.issue)).toBe(true);
    expect(server.log.filter((r) => r.status !== 200 && r.status !== 201).length).toBeGreaterThan(40);

    // Faults off: the rerun is a no-op costing the repository read and one request per 100 issues.
    server.options.faults = undefined;
    const before = server.log.length;
    const rerun = await runSync(dir, server.url);
    expect(rerun.stdout).toContain('sync: 0 created, 0 updated, 0 closed, 200 unchanged, 0 failed (3 requests)');
    expect(server.log.slice(before).map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });
});
