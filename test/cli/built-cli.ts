/**
 * Runs the built CLI (`dist/bin/postmortem.cjs`) as a child process in a scratch copy of
 * a repository, the way a user or CI runs it. `npm test` builds first.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommandIO } from '../../src/cli/command.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO_ROOT, 'dist/bin/postmortem.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runBuiltCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A temporary repository holding copies of the given folders/files from the project. */
export async function scratchRepo(copies: Record<string, string> = {}): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'postmortem-test-'));
  for (const [from, to] of Object.entries(copies)) await cp(path.join(REPO_ROOT, from), path.join(dir, to), { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The same run in-process through `runCli`, with the environment the built
 * CLI would get: most CLI tests use this (fast); a few keep the subprocess
 * for what only a real process shows (exit code, stream split, no stack trace).
 */
export async function runCliInProcess(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  extra: Pick<CommandIO, 'buildIdentity'> = {},
): Promise<CliResult> {
  const { runCli } = await import('../../src/cli/run.js');
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
    ...extra,
  });
  return { code, stdout, stderr };
}
