/**
 * Reads from git where the workspace sits in its checkout, and the day each incident file was first committed with
 * `status: published`, for the tracker's review lag when a file has no
 * `published_on`. One `git log` over the incidents folder answers for every
 * file. Outside a git checkout (or without git) the answer is null, and the
 * tracker shows the lag as unknown rather than guessing.
 *
 * @example
 * const dates = await readPublicationDates('/repo', 'postmortems');
 * dates?.get('postmortems/2024-01-15-checkout.yaml') // → '2024-01-22'
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(root: string, args: readonly string[]): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['-c', 'core.quotepath=off', ...args], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch {
    return null;
  }
}

/** `root`'s folder inside its git checkout, with a trailing slash ('' at the top, or outside git). */
export async function readCheckoutPrefix(root: string): Promise<string> {
  return ((await git(root, ['rev-parse', '--show-prefix'])) ?? '').trim();
}

/**
 * File (relative to `root`, forward slashes) → committer date (YYYY-MM-DD)
 * of the first commit whose change to it added a `status: published` line.
 * Files never committed so are absent. Null outside a git checkout.
 */
export async function readPublicationDates(root: string, folder: string): Promise<Map<string, string> | null> {
  const top = await git(root, ['rev-parse', '--show-toplevel']);
  if (top === null) return null;
  const log = await git(root, [
    'log',
    '--reverse',
    '--no-renames',
    '--format=%x00%cI',
    '--name-only',
    '-G',
    '^status:[[:space:]]*["\']?published',
    '--',
    folder,
  ]);
  if (log === null) return null;
  const absoluteRoot = path.resolve(root);
  const topLevel = top.trim();
  const dates = new Map<string, string>();
  for (const commit of log.split('\0').slice(1)) {
    const [date, ...names] = commit.split('\n').filter((line) => line.length > 0);
    if (!date) continue;
    for (const name of names) {
      const file = path.relative(absoluteRoot, path.join(topLevel, name)).split(path.sep).join('/');
      if (!dates.has(file)) dates.set(file, date.slice(0, 10));
    }
  }
  return dates;
}
