/** Runs `postmortem sync` in-process against a fake GitHub, on a copy of a fixture folder. */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.js';

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

/** A temporary repository with `count` action items (half without ids) spread over `files` incidents. */
export async function makeManyItems(count: number, files = 1): Promise<string> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-sync-many-'));
  await mkdir(path.join(dir, 'postmortems'));
  const perFile = Math.ceil(count / files);
  for (let file = 0; file < files; file++) {
    const from = file * perFile;
    const size = Math.min(perFile, count - from);
    const name = files === 1 ? '2024-03-01-many' : `2024-03-${String(file + 1).padStart(2, '0')}-many`;
    await writeFile(path.join(dir, 'postmortems', `${name}.yaml`), incidentText(from, size));
  }
  return dir;
}

function incidentText(from: number, size: number): string {
  const items = Array.from({ length: size }, (_, k) => {
    const i = from + k;
    return i % 2 === 0
      ? `  - id: item-${i}\n    action: Fix thing number ${i}\n    owner: team-${i % 7}\n    deadline: 2024-04-01`
      : `  - action: Improve part ${i} of the system # comment ${i}\n    priority: P2`;
  });
  return [
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
    ...items,
    'lessons:',
    '  - Keep lists short',
    '',
  ].join('\n');
}
