import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { createGithubTracker } from '../../src/io/github/tracker.js';
import { causeOf, decideRetry, transientRetries, type AttemptFailure, type AttemptState, type RetryCause } from '../../src/io/github/retry.js';
import { FakeGithub, type Fault } from './fake-github.js';
import { copyFixture, readIncident, TEST_TOKEN } from './run-sync.js';

const policy = { maxWaitMs: 30_000, backoffMs: 1000, maxAttempts: 6 };
const first: AttemptState = { attempt: 1, waitedMs: 0, resendable: true };
const failure = (status: number | null, headers: Record<string, string> = {}, message = 'x'): AttemptFailure => ({ status, headers, message });
const transient = (reason: string, resend = 1): RetryCause => ({ kind: 'transient', reason, resend });

describe('causeOf: which plugin retries a failure, and the wait it would make', () => {
  it.each<[string, AttemptFailure, string]>([
    ['a refused connection: plugin-retry', failure(null, {}, 'connection refused (ECONNREFUSED)'), 'transient connection refused (ECONNREFUSED)'],
    ['a 502: plugin-retry', failure(502), 'transient HTTP 502'],
    ['a 408: plugin-retry', failure(408), 'transient HTTP 408'],
    ['a 429 with retry-after: plugin-retry, after the retry-after', failure(429, { 'retry-after': '3' }, 'Too many requests'), 'retry-after 3000'],
    ['a 429 without retry-after: a minute', failure(429), 'retry-after 60000'],
    ['a secondary limit (403): the throttling plugin', failure(403, { 'retry-after': '2' }, 'You have exceeded a secondary rate limit'), 'throttled'],
    ['a secondary limit (429): the throttling plugin', failure(429, {}, 'You have exceeded a secondary rate limit'), 'throttled'],
    ['a used-up primary limit: the throttling plugin', failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000005' }), 'throttled'],
    ['a 403 with retry-after only: plugin-retry', failure(403, { 'retry-after': '2' }), 'retry-after 2000'],
    ['a plain 403 is not retried', failure(403, {}, 'Resource not accessible by integration'), 'none'],
    ['a 404 is not retried', failure(404), 'none'],
    ['a 422 is not retried', failure(422), 'none'],
  ])('%s', (_name, given, expected) => {
    const cause = causeOf(given, 1);
    const text =
      cause === null ? 'none' : cause === 'throttled' ? cause : cause.kind === 'transient' ? `transient ${cause.reason}` : `${cause.kind} ${cause.waitMs}`;
    expect(text).toBe(expected);
  });
});

describe('decideRetry: what is sent again, after how long, and when sync gives up', () => {
  it.each<[string, RetryCause, Partial<AttemptState>, string]>([
    ['a refused connection backs off 1 s', transient('connection refused (ECONNREFUSED)'), {}, 'retry 1000 connection refused (ECONNREFUSED)'],
    ['the fourth 502 waits 16 s', transient('HTTP 502', 4), { attempt: 4, waitedMs: 14_000 }, 'retry 16000 HTTP 502'],
    [
      'the fifth would pass the 30 s cap',
      transient('HTTP 502', 5),
      { attempt: 5, waitedMs: 30_000 },
      'stop HTTP 502: the next wait (25 s) would pass the 30 s limit on waiting (--max-wait, `sync.max_wait`)',
    ],
    ['a 502 after a rate-limit wait backs off as plugin-retry does', transient('HTTP 502', 1), { attempt: 2, waitedMs: 2000 }, 'retry 1000 HTTP 502'],
    [
      'a create is not resent after a 502',
      transient('HTTP 502'),
      { resendable: false },
      'stop HTTP 502: not sent again: GitHub may have done it, so sync re-reads instead',
    ],
    [
      'a 429 waits its retry-after, also for a create',
      { kind: 'retry-after', status: 429, waitMs: 3000 },
      { resendable: false },
      'retry 3000 HTTP 429 (retry-after 3 s)',
    ],
    [
      'a 429 without retry-after waits a minute: past the cap',
      { kind: 'retry-after', status: 429, waitMs: 60_000 },
      {},
      'stop HTTP 429 (retry-after 60 s): the next wait (60 s) would pass the 30 s limit on waiting (--max-wait, `sync.max_wait`)',
    ],
    [
      'a secondary limit waits its retry-after, also for a create',
      { kind: 'secondary', waitMs: 2000 },
      { resendable: false },
      'retry 2000 secondary rate limit (retry-after 2 s)',
    ],
    [
      'a used-up primary limit waits until the reset',
      { kind: 'rate-limit', status: 403, waitMs: 6000 },
      {},
      'retry 6000 rate limit used up (HTTP 403; resets in 6 s)',
    ],
    [
      'a primary limit resetting in an hour is past the cap',
      { kind: 'rate-limit', status: 403, waitMs: 3_600_000 },
      {},
      'stop rate limit used up (HTTP 403; resets in 3600 s): the next wait (3600 s) would pass the 30 s limit on waiting (--max-wait, `sync.max_wait`)',
    ],
    ['the sixth attempt is the last', transient('HTTP 500', 5), { attempt: 6, waitedMs: 0 }, 'stop HTTP 500: gave up after 6 attempts'],
  ])('%s', (_name, cause, state, expected) => {
    const decision = decideRetry(cause, { ...first, ...state }, policy);
    expect(decision.retry ? `retry ${decision.waitMs} ${decision.reason}` : `stop ${decision.reason}: ${decision.why}`).toBe(expected);
  });

  it('with a cap of 0, nothing is waited for', () => {
    expect(decideRetry(transient('HTTP 503'), first, { ...policy, maxWaitMs: 0 })).toMatchObject({ retry: false });
  });
});

describe("transientRetries: plugin-retry's `retries`, so that its waits (base × 1, 4, 9, …) fit the cap", () => {
  it.each<[number, number, number, number, string]>([
    [30_000, 1000, 6, 4, 'the default: 1 + 4 + 9 + 16 = 30 s'],
    [29_999, 1000, 6, 3, 'a millisecond less: 1 + 4 + 9 s'],
    [60_000, 1000, 6, 5, '55 s fit, and six attempts are the most'],
    [1000, 5, 6, 5, 'a small base: the attempt limit decides'],
    [5000, 1000, 6, 2, '1 + 4 s'],
    [999, 1000, 6, 0, 'not even the first wait fits'],
    [0, 1000, 6, 0, '--max-wait 0'],
    [0, 0, 6, 5, 'no back-off at all: the attempt limit decides'],
    [30_000, 1000, 1, 0, 'a single attempt'],
  ])('cap %d ms, base %d ms, %d attempts: %d resends (%s)', (maxWaitMs, backoffMs, maxAttempts, expected) => {
    expect(transientRetries({ maxWaitMs, backoffMs, maxAttempts })).toBe(expected);
  });
});

async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function sync(cwd: string, apiUrl: string, options: { tty: boolean; args?: string[] }) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['sync', '--repo', 'acme/platform', '--api-url', apiUrl, ...(options.args ?? [])], {
    cwd,
    env: { GITHUB_TOKEN: TEST_TOKEN, POSTMORTEM_SYNC_PACE_MS: '0', POSTMORTEM_SYNC_BACKOFF_MS: '5', POSTMORTEM_SYNC_TIMEOUT_MS: '2000' },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: options.tty,
  });
  return { code, stdout, stderr };
}

let server: FakeGithub | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('retries: said on a terminal, summed up in the final error, capped by --max-wait', () => {
  it('a refused connection: one line per retry on a terminal, then an error naming the host, the path and what to check', async () => {
    const dir = await copyFixture('sync-basic');
    const before = await readIncident(dir);
    const url = await closedPort();
    const run = await sync(dir, url, { tty: true, args: ['--max-wait', '1'] });
    expect(run.code).toBe(1);
    const host = url.replace('http://', '');
    const retries = run.stderr.split('\n').filter((line) => line.startsWith('retrying'));
    // Back-off base 5 ms: 5, 20, 45, 80, 125 ms, all within the 1 s cap; the sixth attempt is the last.
    expect(retries).toEqual(
      [2, 3, 4, 5, 6].map((n) => `retrying GET /repos/acme/platform: connection refused (ECONNREFUSED); attempt ${n}/6 in ${5 * (n - 1) ** 2} ms`),
    );
    expect(run.stderr).toContain(
      `postmortem sync: reading the repository acme/platform failed (connection refused (ECONNREFUSED)): GET ${host}/repos/acme/platform, ` +
        `6 attempts over 275 ms (connection refused (ECONNREFUSED)); gave up after 6 attempts; check that ${url} is reachable from here (--api-url, GITHUB_API_URL)`,
    );
    expect(run.stderr + run.stdout).not.toContain(TEST_TOKEN);
    expect(await readIncident(dir)).toBe(before);
  });

  it('not on a terminal: no retry lines, only the summary in the final error', async () => {
    const dir = await copyFixture('sync-basic');
    const run = await sync(dir, await closedPort(), { tty: false });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('retrying');
    expect(run.stderr).toMatch(
      /^postmortem sync: reading the repository acme\/platform failed \(connection refused \(ECONNREFUSED\)\): GET 127\.0\.0\.1:\d+\/repos\/acme\/platform, 6 attempts over 275 ms/m,
    );
  });

  it.each<[string, Fault, string, RegExp]>([
    [
      '5xx past --max-wait 0',
      { kind: 'status', status: 503 },
      '0',
      /reading the repository acme\/platform failed \(HTTP 503: Server Error \(token \*\*\*\)\): GET [\d.:]+\/repos\/acme\/platform, 1 attempt \(HTTP 503\); the next wait \(5 ms\) would pass the 0 s limit on waiting \(--max-wait, `sync.max_wait`\); GitHub had trouble answering/,
    ],
    [
      'a 429 asking for more than --max-wait',
      { kind: 'too-many', retryAfter: 5 },
      '2',
      /failed \(HTTP 429: Too many requests\): GET [\d.:]+\/repos\/acme\/platform, 1 attempt \(HTTP 429 \(retry-after 5 s\)\); the next wait \(5 s\) would pass the 2 s limit on waiting .*; GitHub is rate limiting this token: run sync again later, or allow a longer wait with --max-wait/,
    ],
  ])('%s: fails at once, saying why, and writes nothing', async (_name, fault, maxWait, expected) => {
    server = new FakeGithub({ token: TEST_TOKEN, faults: () => fault });
    await server.start();
    const dir = await copyFixture('sync-basic');
    const before = await readIncident(dir);
    const run = await sync(dir, server.url, { tty: false, args: ['--max-wait', maxWait] });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).not.toContain(TEST_TOKEN);
    expect(server.log).toHaveLength(1);
    expect(await readIncident(dir)).toBe(before);
  });

  it('a 429 within the cap is waited out and said on a terminal', async () => {
    let sent = 0;
    server = new FakeGithub({
      token: TEST_TOKEN,
      collaborators: ['alice'],
      faults: (r) => (r.method === 'GET' && sent++ === 0 ? { kind: 'too-many', retryAfter: 1 } : null),
    });
    await server.start();
    const dir = await copyFixture('sync-basic');
    const run = await sync(dir, server.url, { tty: true, args: ['--max-wait', '5'] });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('retrying GET /repos/acme/platform: HTTP 429 (retry-after 1 s); attempt 2/6 in 1 s\n');
    expect(server.issues).toHaveLength(3);
  });

  it('a retry mid-run ends the progress counter line first, so it never lands on it', async () => {
    let creates = 0;
    server = new FakeGithub({
      token: TEST_TOKEN,
      collaborators: ['alice'],
      faults: (r) => (r.method === 'POST' && r.path.endsWith('/issues') && ++creates === 2 ? { kind: 'too-many', retryAfter: 0 } : null),
    });
    await server.start();
    const dir = await copyFixture('sync-basic');
    const run = await sync(dir, server.url, { tty: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('\rsync 1/3\nretrying POST /repos/acme/platform/issues: HTTP 429 (retry-after 0 s); attempt 2/6 in 0 s\n\rsync 2/3\rsync 3/3\n');
  });

  it("each request backs off from the start: plugin-retry's count is not carried over from the one before", async () => {
    server = new FakeGithub({ token: TEST_TOKEN, faults: () => ({ kind: 'status', status: 502 }) });
    await server.start();
    const lines: string[] = [];
    const connection = { apiUrl: server.url, owner: 'acme', repo: 'platform', token: TEST_TOKEN };
    const tracker = await createGithubTracker({
      connection,
      label: 'postmortem-action',
      paceMs: 0,
      timeoutMs: 2000,
      backoffMs: 1,
      onRetry: (line) => lines.push(line),
    });
    for (const _ of [1, 2]) await expect(tracker.readRepository()).rejects.toThrow(/6 attempts over 55 ms \(HTTP 502\); gave up after 6 attempts/);
    const once = [2, 3, 4, 5, 6].map((n) => `retrying GET /repos/acme/platform: HTTP 502; attempt ${n}/6 in ${(n - 1) ** 2} ms`);
    expect(lines).toEqual([...once, ...once]);
    expect(server.log).toHaveLength(12);
  });

  it.each([['soon'], ['1.5'], ['-1']])('--max-wait %j is a usage error (exit 2)', async (value) => {
    const dir = await copyFixture('sync-basic');
    const run = await sync(dir, 'http://127.0.0.1:9', { tty: false, args: [`--max-wait=${value}`] });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--max-wait must be a whole number of seconds; got \`${value}\``);
  });
});
