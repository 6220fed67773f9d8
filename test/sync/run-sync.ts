/** Runs `postmortem sync` in-process against a fake GitHub, on a copy of a fixture folder. */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.js';

export const TEST_TOKEN = 'ghp_TESTTOKEN0123456789abcdefSECRET';
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** A fresh temporary copy of `test/fixtures/<name>`. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `pm-sync-${name}-`));
  await cp(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

export interface SyncRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runSync(cwd: string, apiUrl: string, args: string[] = [], env: Record<string, string> = {}): Promise<SyncRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['sync', '--repo', 'acme/platform', '--api-url', apiUrl, ...args], {
    cwd,
    env: { GITHUB_TOKEN: TEST_TOKEN, POSTMORTEM_SYNC_PACE_MS: '0', POSTMORTEM_SYNC_BACKOFF_MS: '5', POSTMORTEM_SYNC_TIMEOUT_MS: '2000', ...env },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

export function readIncident(dir: string, name = '2024-01-15-checkout.yaml'): Promise<string> {
  return readFile(path.join(dir, 'postmortems', name), 'utf8');
}

/** A temporary repository with one valid incident of `count` action items (half without ids). */
export async function makeManyItems(count: number, name = '2024-03-01-many'): Promise<string> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-sync-many-'));
  await mkdir(path.join(dir, 'postmortems'));
  const items = Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? `  - id: item-${i}\n    action: Fix thing number ${i}\n    owner: team-${i % 7}\n    deadline: 2024-04-01\n`
      : `  - action: Improve part ${i} of the system # comment ${i}\n    priority: P2\n`,
  );
  const text = [
    'title: Many action items',
    'date: 2024-03-01',
    'severity: SEV3',
    'summary: A long list.',
    'impact:',
    '  description: Nothing in particular',
    'timeline:',
    '  - time: "10:00"',
    '    event: Started',
    'root_cause:',
    '  immediate: Entropy',
    'resolution: Fixed',
    'action_items:',
    ...items.map((item) => item.trimEnd()),
    'lessons:',
    '  - Keep lists short',
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'postmortems', `${name}.yaml`), text);
  return dir;
}
