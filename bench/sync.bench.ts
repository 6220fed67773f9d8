/**
 * Sync cost for 500 action items (10 incidents of 50) against the loopback
 * fake GitHub: requests used by the first sync and by a no-op rerun (the
 * figure that matters for rate limits), and wall time with pacing off.
 */
import { FakeGithub } from '../test/sync/fake-github.js';
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
}
