/** Runs the CLI in-process in a temporary folder, for the first-hour cases. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `postmortem ARGS…` with `cwd` as the working directory, nothing from the real environment. */
export async function run(cwd: string, args: string[], env: Record<string, string> = {}): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, env, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

/** A temporary folder holding the given files (path → text). */
export async function folderWith(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-first-hour-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}
