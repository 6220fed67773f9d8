/**
 * Whole text files under a root, by relative path: the file-system side of
 * workflows that read or write a few known files (`init`). Writes are
 * atomic (temp file + rename) and create their folders.
 *
 * @example
 * const files = createTextFiles('/repo');
 * await files.read('postmortem.config.yaml'); // → text, or null when absent
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileSafely } from './workspace.js';

export interface TextFiles {
  read(relative: string): Promise<string | null>;
  write(relative: string, contents: string): Promise<void>;
}

export function createTextFiles(root: string): TextFiles {
  return {
    read: (relative) => readTextFile(path.resolve(root, relative)),
    write: (relative, contents) => writeFileSafely(path.resolve(root, relative), contents),
  };
}

/** One file's text, or null when it does not exist (the Action's event payload, for one). */
export async function readTextFile(absolute: string): Promise<string | null> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
