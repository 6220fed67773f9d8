/**
 * The file-system edge shared by every command: find the configuration and
 * the incident files named on the command line, read them, and write results
 * atomically (temp file + rename) so that no reader ever sees half a file.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { checkConfig, CONFIG_FILE, DEFAULT_CONFIG, type Config } from '../config/config.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface Workspace {
  /** Repository root: where the config file is looked for and paths are shown from. */
  root: string;
  config: Config;
}

/** Loads the optional config at `root`; its problems are usage errors (exit 2). */
export async function openWorkspace(root: string): Promise<{ workspace: Workspace | null; diagnostics: Diagnostic[] }> {
  const file = path.join(root, CONFIG_FILE);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { workspace: { root, config: DEFAULT_CONFIG }, diagnostics: [] };
    return { workspace: null, diagnostics: [readFailure(CONFIG_FILE, error)] };
  }
  const { config, diagnostics } = checkConfig(CONFIG_FILE, bytes);
  return { workspace: config ? { root, config } : null, diagnostics };
}

export interface FoundFiles {
  /** Paths relative to the root, sorted, without duplicates. */
  files: string[];
  /** Named paths that do not exist. */
  missing: string[];
}

/**
 * Expands the PATHS arguments: a file stands for itself, a folder for every
 * file in it (recursively) whose name ends with one of `extensions`.
 */
export async function findFiles(root: string, paths: readonly string[], extensions: readonly string[]): Promise<FoundFiles> {
  const found = new Set<string>();
  const missing: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const info = await stat(absolute).catch(() => null);
    if (!info) {
      missing.push(given);
    } else if (info.isDirectory()) {
      const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (!entry.isFile() || !extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) continue;
        const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? absolute;
        if (parent.split(path.sep).includes('node_modules')) continue;
        found.add(toDisplayPath(root, path.join(parent, entry.name)));
      }
    } else {
      found.add(toDisplayPath(root, absolute));
    }
  }
  return { files: [...found].sort(), missing };
}

/** Paths in output are relative to the root with forward slashes, as GitHub annotations need. */
export function toDisplayPath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
}

export async function readBytes(root: string, file: string): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
  try {
    return { bytes: await readFile(path.resolve(root, file)) };
  } catch (error) {
    return { diagnostic: readFailure(file, error) };
  }
}

export function readFailure(file: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code;
  return createDiagnostic({
    file,
    ruleId: 'schema/unreadable',
    message: code === 'ENOENT' ? 'File not found' : code === 'EISDIR' ? 'Expected a file, found a folder' : `Cannot read the file (${code ?? 'unknown error'})`,
  });
}

/**
 * Writes via a temporary file and a rename: readers see the old or the new
 * file, never half. `durable` adds an fsync before the rename, for files that
 * cannot be regenerated (YAML write-back); rendered reports skip it, since a
 * rebuild recreates them and fsync per file dominates large builds.
 */
export async function writeFileSafely(absolute: string, contents: string, options: { durable?: boolean } = {}): Promise<void> {
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFileAtomic(absolute, contents, { encoding: 'utf8', fsync: options.durable ?? true });
}
