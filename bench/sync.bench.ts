/**
 * Sync cost for 500 action items (10 incidents of 50) against the loopback
 * fake GitHub: requests used by the first sync and by a no-op rerun (the
 * figure that matters for rate limits), and wall time with pacing off;
 * then what the throttling and retry plugins cost per request, against
 * plain octokit as the floor.
 */
import { Octokit } from '@octokit/rest';
import { DEFAULT_RETRY_POLICY } from '../src/io/github/retry.js';
import { createRetryingOctokit } from '../src/io/github/retrying-octokit.js';
import { FakeGithub, seededFaults, type Fault } from '../test/sync/fake-github.js';
import { makeManyItems, runSync, TEST_TOKEN } from '../test/sync/run-sync.js';
import { formatMs, medianMs } from './stats.js';

const ITEMS = 500;

export async function run(): Promise<void> {
  const server = new FakeGithub({ token: TEST_TOKEN });
  await server.start();
  try {
    const dir = await makeManyItems(ITEMS, 10);
    let started = performance.now();
    const first = await runSync(dir, server.url);
    const firstMs = performance.now() - started;
    const firstRequests = server.log.length;
    if (first.code !== 0) throw new Error(`first sync failed: ${first.stderr}`);

    started = performance.now();
    const noop = await runSync(dir, server.url);
    const noopMs = performance.now() - started;
    const noopRequests = server.log.length - firstRequests;
    if (!noop.stdout.includes(`${ITEMS} unchanged`)) throw new Error(`rerun was not a no-op: ${noop.stdout.slice(-200)}`);
    const noopMedian = await medianMs(5, () => runSync(dir, server.url));
    await runSync(dir, server.url, ['--cache', '.sync-cache.json']);
    const beforeCached = server.log.length;
    await runSync(dir, server.url, ['--cache', '.sync-cache.json']);
    const cached = server.log.slice(beforeCached);

    console.log(`${ITEMS} action items in 10 incidents, loopback server, --pace-ms 0`);
    console.log(`first sync:  ${firstRequests} requests (${server.writes().length} writes), ${formatMs(firstMs)}`);
    console.log(`no-op rerun: ${noopRequests} requests (0 writes), ${formatMs(noopMs)}; median of 5 reruns ${formatMs(noopMedian)}`);
    console.log(`no-op rerun with --cache: ${cached.length} requests, ${cached.filter((r) => r.status === 304).length} of them answered 304`);
    console.log(`issues on the server: ${server.issues.length}`);
  } finally {
    await server.stop();
  }
  await runUnderFaults();
  await runStackCost();
}

/** One successful read, many times: plain octokit (the floor) against the plugin stack sync uses; no failures, so no waits. */
async function runStackCost(): Promise<void> {
  const server = new FakeGithub({ token: TEST_TOKEN });
  await server.start();
  try {
    const common = { auth: TEST_TOKEN, baseUrl: server.url, userAgent: 'bench', fetch: globalThis.fetch };
    const plain = new Octokit({ ...common, request: { fetch: globalThis.fetch } });
    const stack = createRetryingOctokit({ ...common, policy: DEFAULT_RETRY_POLICY });
    const perRequest = async (octokit: Octokit) =>
      (await medianMs(5, async () => {
        for (let i = 0; i < 50; i++) await octokit.rest.repos.get({ owner: 'acme', repo: 'platform' });
      })) / 50;
    const floor = await perRequest(plain);
    const plugins = await perRequest(stack);
    console.log(
      `one read, loopback: plain octokit ${formatMs(floor)}, with the throttling and retry plugins ${formatMs(plugins)} (${(plugins / floor).toFixed(1)}x; median of 5 × 50)`,
    );
  } finally {
    await server.stop();
  }
}

/** The same first sync with 20% of requests failing (5xx, resets, writes committed then failed). */
async function runUnderFaults(): Promise<void> {
  const faults: Fault[] = [
    { kind: 'status', status: 500 },
    { kind: 'status', status: 502 },
    { kind: 'reset' },
    { kind: 'commit-then', then: 'status' },
    { kind: 'commit-then', then: 'reset' },
  ];
  const server = new FakeGithub({ token: TEST_TOKEN, faults: seededFaults(0.2, faults, 11) });
  await server.start();
  try {
    const dir = await makeManyItems(ITEMS, 10);
    const started = performance.now();
    let runs = 0;
    for (let code = 1; code !== 0 && runs < 5; runs++) code = (await runSync(dir, server.url)).code;
    const keys = new Set(server.issues.map((issue) => issue.body?.match(/"action":"([^"]+)"/)?.[1]));
    console.log(
      `under 20% faults: ${runs} run(s) to exit 0, ${server.log.length} requests, ${formatMs(performance.now() - started)}; ${server.issues.length} issues for ${keys.size} distinct items`,
    );
  } finally {
    await server.stop();
  }
}
