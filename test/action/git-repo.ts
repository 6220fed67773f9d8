/** Temporary git repositories for commit-mode tests: a bare "GitHub" remote and a clone to work in. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
}

/** A bare remote and a clone on `main` with one commit of everything in `seed` (a folder copied in by the caller). */
export async function clonedRepo(): Promise<{ remote: string; clone: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'postmortem-git-'));
  const remote = path.join(dir, 'remote.git');
  const clone = path.join(dir, 'clone');
  git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(dir, 'clone', '--quiet', remote, clone);
  git(clone, 'checkout', '--quiet', '-B', 'main');
  return { remote, clone, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Commits everything as a person, as the repository's history before the Action runs. */
export function commitAll(clone: string, message: string): void {
  git(clone, 'add', '--all');
  git(clone, '-c', 'user.name=Dana', '-c', 'user.email=dana@example.com', 'commit', '--quiet', '-m', message);
  git(clone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
}
