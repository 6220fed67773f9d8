/**
 * The write of a file that can always be made again (a rendered report, the
 * tracker page): a temporary file beside it, then a rename, so a reader sees
 * the old file or the new one and never half of either. No fsync, and none of
 * the per-file checks a durable write makes (realpath, stat for the old mode
 * and owner, a clean-up unlink): at a thousand reports those round trips cost
 * more than rendering them. Synchronous for the same reason as reading an
 * incident: a report is a few KB, and each asynchronous call is a trip
 * through libuv's thread pool.
 *
 * @example
 * await replaceFile('/repo/postmortems/2024-01-15-db.md', markdown);
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { makeFolders } from './writable.js';

let written = 0;

/** Writes `contents` (text as UTF-8, or bytes) to `absolute` through a temporary file and a rename; creates missing folders. */
export async function replaceFile(absolute: string, contents: string | Uint8Array): Promise<void> {
  // pid, thread and a counter: two runs (or two threads) writing the same report never share a temporary file.
  const temporary = `${absolute}.${process.pid}-${threadId}-${written++}.tmp`;
  try {
    await writeTemporary(temporary, contents);
    renameSync(temporary, absolute);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

async function writeTemporary(temporary: string, contents: string | Uint8Array): Promise<void> {
  try {
    writeFileSync(temporary, contents, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    // The folder is missing only on the first report written into it: creating it up front would cost a stat per file.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await makeFolders(path.dirname(temporary));
    writeFileSync(temporary, contents, { encoding: 'utf8', flag: 'wx' });
  }
}
