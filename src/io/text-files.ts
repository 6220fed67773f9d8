/**
 * A file outside any workspace, read whole: the Action's event payload.
 *
 * @example
 * const payload = await readTextFile(process.env.GITHUB_EVENT_PATH); // → text, or null when absent
 */
import { readFile } from 'node:fs/promises';

/** One file's text, or null when it does not exist (the Action's event payload, for one). */
export async function readTextFile(absolute: string): Promise<string | null> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
