/**
 * Finds the workspace root from wherever the command runs, so that a command
 * started in a subfolder works on the same files as at the top (and `new`
 * never creates a stray `postmortems/` there).
 *
 * @example
 * await findWorkspaceRoot('/repo/docs'); // → { root: '/repo', configFile: 'postmortem.config.yaml' }
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, CONFIG_FILES, DEFAULT_CONFIG } from '../config/config.js';

/** The config file names read, in order of preference. */
export { CONFIG_FILES };

/** Where the workspace is, and its config file's name when it has one. */
export interface WorkspaceRoot {
  root: string;
  configFile: string | null;
}

/**
 * Searches upward from `start`: first for a config file (`.yaml`, then `.yml`),
 * then for the folder holding `postmortems/`, then for the git root; else `start`.
 */
export async function findWorkspaceRoot(start: string): Promise<WorkspaceRoot> {
  const folders = upwardFrom(path.resolve(start));
  for (const folder of folders) {
    for (const name of CONFIG_FILES) if (await isKind(path.join(folder, name), 'file')) return { root: folder, configFile: name };
  }
  for (const folder of folders) if (await isKind(path.join(folder, DEFAULT_CONFIG.incidents), 'directory')) return { root: folder, configFile: null };
  // `.git` is a folder in a clone and a file in a worktree or submodule.
  for (const folder of folders) if (await isKind(path.join(folder, '.git'), 'any')) return { root: folder, configFile: null };
  return { root: path.resolve(start), configFile: null };
}

function upwardFrom(start: string): string[] {
  const folders = [start];
  for (let parent = path.dirname(start); parent !== folders.at(-1); parent = path.dirname(parent)) folders.push(parent);
  return folders;
}

async function isKind(file: string, kind: 'file' | 'directory' | 'any'): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info) return false;
  return kind === 'any' || (kind === 'file' ? info.isFile() : info.isDirectory());
}
