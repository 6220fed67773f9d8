/**
 * Whether a folder can take new files, found out at once and before any
 * work: Node's recursive `mkdir` never returns under `/proc` (it retries the
 * ENOENT forever), a path under a regular file fails only at the first write,
 * and a read-only folder fails once per file. Both helpers here create
 * folders one level at a time, so each of those fails on the first call with
 * the system's reason.
 *
 * @example
 * await writableFolderProblem('/proc/reports', String) // → 'cannot write into `/proc/reports`: `/proc` does not accept new files (ENOENT: …)'
 */
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Creates `folder` and its missing parents, one level at a time; rejects with the first failure. */
export async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  while (!(await stat(current).catch(() => null))) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) await mkdir(level).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
}

/**
 * Null when files can be written into `folder` (absolute; it may not exist
 * yet), else why not, in words, with paths as `show` gives them. The test is real: the
 * nearest existing folder must be a folder, and a probe file must be
 * creatable in it (permission bits say nothing under /proc or for root).
 */
export async function writableFolderProblem(folder: string, show: (absolute: string) => string): Promise<string | null> {
  const shown = show(path.resolve(folder));
  let existing = path.resolve(folder);
  let info = await stat(existing).catch(() => null);
  while (!info) {
    const parent = path.dirname(existing);
    if (parent === existing) return `cannot create \`${shown}\`: no part of the path exists`;
    existing = parent;
    info = await stat(existing).catch(() => null);
  }
  if (!info.isDirectory()) return `cannot write into \`${shown}\`: \`${show(existing)}\` is a file, not a folder`;
  const probe = path.join(existing, `.postmortem-write-test-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await (await open(probe, 'wx')).close();
    await rm(probe, { force: true });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return `cannot write into \`${shown}\`: \`${show(existing)}\` does not accept new files (${code}${REASONS[code] ? `: ${REASONS[code]}` : ''})`;
  }
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'the system does not allow files there',
  ENOSPC: 'no space left on the device',
};
