/**
 * Commit mode: commit the files a run changed, as the Actions bot, and push
 * them to the branch the run is on. Nothing to commit is a normal outcome.
 * A push that loses a race with another commit rebases once and retries.
 * Runs `git` itself (never a shell), so paths and messages are arguments,
 * not text a shell could read.
 *
 * @example
 * await commitChanges('/repo', { paths: ['postmortems'], message: 'postmortem sync: …', branch: 'main' });
 * // → { committed: true, sha: '3f2a…', pushed: true, files: ['postmortems/a.yaml'] }
 */
import { execFile } from 'node:child_process';

/** The identity GitHub shows as github-actions[bot]. */
export const BOT_NAME = 'github-actions[bot]';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

export interface CommitOptions {
  /** Files or folders whose changes are committed (nothing outside them is). */
  paths: string[];
  message: string;
  /** The branch to push to; default: the checked-out branch. Null skips the push. */
  branch?: string | null;
  /** The remote to push to (default `origin`); a repository without it only commits. */
  remote?: string;
  /** The environment git runs in (PATH, HOME, the runner's credentials helper settings). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface CommitResult {
  committed: boolean;
  sha: string | null;
  pushed: boolean;
  /** The committed paths, relative to the root. */
  files: string[];
}

/** Stages the changes under `paths`, commits them as the bot, and pushes. */
export async function commitChanges(root: string, options: CommitOptions): Promise<CommitResult> {
  const git = (...args: string[]) => run(root, args, options.env);
  const scope = ['--', ...(options.paths.length > 0 ? options.paths : ['.'])];
  await git('add', '--all', ...scope);
  const staged = (await git('diff', '--cached', '--name-only', ...scope)).split('\n').filter(Boolean);
  if (staged.length === 0) return { committed: false, sha: null, pushed: false, files: [] };
  await git('-c', `user.name=${BOT_NAME}`, '-c', `user.email=${BOT_EMAIL}`, 'commit', '--quiet', '--message', options.message, ...scope);
  const sha = (await git('rev-parse', 'HEAD')).trim();
  const remote = options.remote ?? 'origin';
  const remotes = (await git('remote')).split('\n');
  const branch = options.branch === undefined ? await currentBranch(git) : options.branch;
  if (!remotes.includes(remote) || branch === null) return { committed: true, sha, pushed: false, files: staged };
  try {
    await git('push', '--quiet', remote, `HEAD:refs/heads/${branch}`);
  } catch {
    // Another run pushed first: put this commit on top of theirs and try once more.
    await git('-c', `user.name=${BOT_NAME}`, '-c', `user.email=${BOT_EMAIL}`, 'pull', '--quiet', '--rebase', '--autostash', remote, branch);
    await git('push', '--quiet', remote, `HEAD:refs/heads/${branch}`);
  }
  return { committed: true, sha: (await git('rev-parse', 'HEAD')).trim(), pushed: true, files: staged };
}

async function currentBranch(git: (...args: string[]) => Promise<string>): Promise<string | null> {
  const name = (await git('rev-parse', '--abbrev-ref', 'HEAD')).trim();
  return name === 'HEAD' || name === '' ? null : name;
}

/** One git command; its stderr becomes the error message (callers redact the token from anything they print). */
function run(cwd: string, args: string[], env: Readonly<Record<string, string | undefined>>): Promise<string> {
  return new Promise((resolve, reject) => {
    // Never wait for a password prompt: in CI nobody answers it.
    execFile('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}
