/**
 * The Workspace port (`workflows/workspace.ts`) on the real disk: finds the
 * configuration and the files named on the command line, reads them, and
 * writes results atomically (temp file + rename) so that no reader ever sees
 * half a file.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkConfig, DEFAULT_CONFIG, type Config } from '../config/config.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { GENERATED_PREFIX } from '../render/report-file.js';
import { fileTooLarge } from '../load/parse.js';
import type { FoundFiles, ReadResult, TemplatesLoaded, Workspace } from '../workflows/workspace.js';
import { makeFolders, writableFolderProblem } from './writable.js';
import { replaceFile } from './replace-file.js';
import { packageVersionSync } from './package-info.js';
import { CONFIG_FILES, findWorkspaceRoot } from './workspace-root.js';
import type { TemplateScope } from './templates.js';
import { poolShape, type WorkerSetting } from './worker-setting.js';
import { cacheFolder, type CacheSetting } from './cache-folder.js';

/**
 * Loads the optional config at `root` (`postmortem.config.yaml`, else `.yml`)
 * and returns the workspace there; config problems come back as diagnostics
 * (the CLI exits 2 on them). `cwd` is where PATHS given by the user are
 * relative to (default: `root`).
 *
 * @example
 * const { workspace, diagnostics } = await openWorkspace(process.cwd());
 */
export async function openWorkspace(root: string, options: WorkspaceOptions = {}): Promise<{ workspace: Workspace | null; diagnostics: Diagnostic[] }> {
  const cwd = options.cwd ?? root;
  for (const name of CONFIG_FILES) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(root, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return { workspace: null, diagnostics: [readFailure(name, error)] };
    }
    const { config, diagnostics } = checkConfig(name, bytes);
    return { workspace: config ? diskWorkspace(root, config, cwd, options) : null, diagnostics };
  }
  return { workspace: diskWorkspace(root, DEFAULT_CONFIG, cwd, options), diagnostics: [] };
}

export interface WorkspaceOptions {
  /** Where PATHS given by the user are relative to (default: the root). */
  cwd?: string;
  /** Worker threads for large runs (`POSTMORTEM_WORKERS`, read by the CLI): default `auto`. */
  workers?: WorkerSetting;
  /** Another worker script for the pool (`.js`, or `.ts` run through tsx): a benchmark's built one, a test's. */
  workerEntry?: URL;
  /** The check cache (`POSTMORTEM_CACHE`, `POSTMORTEM_CACHE_DIR` and the build identity, read by the CLI): default off. */
  cache?: CacheSetting;
}

/** The workspace of a command run in `cwd`: its root is found upward (see `findWorkspaceRoot`). */
export async function openWorkspaceFrom(
  cwd: string,
  options: Omit<WorkspaceOptions, 'cwd'> = {},
): Promise<{ workspace: Workspace | null; diagnostics: Diagnostic[] }> {
  const { root } = await findWorkspaceRoot(cwd);
  return openWorkspace(root, { ...options, cwd });
}

/** The port over the files under `root`, with `config` already checked. */
export function diskWorkspace(root: string, config: Config, cwd: string = root, options: Omit<WorkspaceOptions, 'cwd'> = {}): Workspace {
  const resolve = (file: string) => path.resolve(root, file);
  return {
    root,
    config,
    toolVersion: packageVersionSync(),
    findFiles: (paths, extensions, options) => findFiles(root, options?.fromRoot ? root : cwd, paths, extensions),
    readBytes: (file) => readBytes(root, file, config.maxFileBytes),
    readTextIfExists: async (file) => readTextIfExists(resolve(file)),
    exists: (file) =>
      access(resolve(file)).then(
        () => true,
        () => false,
      ),
    writeText: (file, text, options) => writeFileSafely(resolve(file), text, options),
    loadTemplates: () => loadChecked(config.templates ? resolve(config.templates) : null, 'report', (file) => toDisplayPath(root, file)),
    loadTrackerTemplates: () => loadChecked(config.templates ? resolve(config.templates) : null, 'tracker', (file) => toDisplayPath(root, file)),
    writableFolderProblem: (folder) => writableFolderProblem(resolve(folder), (file) => toDisplayPath(root, file)),
    // Loaded when asked for, like the writer below: validate and lint read git and write nothing.
    readPublicationDates: async (folder) => (await import('./git-history.js')).readPublicationDates(root, folder),
    readCheckoutPrefix: async () => (await import('./git-history.js')).readCheckoutPrefix(root),
    // Loaded when a run asks for it: the pool module is only needed by runs over many files.
    // The shape is decided once, here, so a run that stays in one thread never loads the pool module.
    openFilePool: async (request) => {
      const shape = poolShape(options.workers ?? 'auto', { files: request.files, render: Boolean(request.templates) });
      return shape.workers === 0 ? null : (await import('./file-pool.js')).openFilePool({ ...request, config, shape, entry: options.workerEntry });
    },
    openCheckCache: async () => {
      const folder = cacheFolder(root, cwd, options.cache);
      return folder === null ? null : (await import('./check-cache.js')).openCheckCache(folder, options.cache!.identity!);
    },
    displayPath: (file) => toDisplayPath(root, resolve(file)),
  };
}

/**
 * Expands the PATHS arguments: a file stands for itself, a folder for every
 * file in it (recursively) whose name ends with one of `extensions`.
 */
async function findFiles(root: string, base: string, paths: readonly string[], extensions: readonly string[]): Promise<FoundFiles> {
  const found = new Set<string>();
  const missing: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(base, given);
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
  // A file under the root (the usual case, once per file of a folder) needs no path.relative.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  if (absolute.startsWith(prefix) && path.isAbsolute(root) && !absolute.includes(`${path.sep}..`))
    return absolute.slice(prefix.length).split(path.sep).join('/');
  const relative = path.relative(root, absolute);
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
}

/**
 * A report or page that may not be there yet. Synchronous like `readBytes`: a
 * cold build asks once per incident, and a failed open is cheaper than the
 * round trip through the thread pool that an asynchronous one costs.
 */
function readTextIfExists(absolute: string): string | null {
  try {
    // A stat that answers "no such file" without throwing: the error a failed read throws costs more than the read.
    if (!statSync(absolute, { throwIfNoEntry: false })?.isFile()) return null;
    return readFileSync(absolute, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Checks what the path is before reading it: a named pipe or device would
 * block or never end, and a file past the limit would be read whole only to be
 * refused (or to take the run's memory down).
 */
async function readBytes(root: string, file: string, maxBytes: number): Promise<ReadResult> {
  let fd: number | null = null;
  try {
    // Synchronous on purpose: an incident file is a few KB, and each asynchronous call is a round trip
    // through libuv's thread pool that left a validate of 1,000 files idle for half its time on a busy machine.
    // One open, then fstat on it (a stat by path cost more than the read); non-blocking, so a named pipe opens at once.
    fd = openSync(path.resolve(root, file), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (info.isDirectory()) return { diagnostic: readFailure(file, Object.assign(new Error('folder'), { code: 'EISDIR' })) };
    if (!info.isFile()) return { diagnostic: notRegular(file) };
    if (info.size > maxBytes) return { diagnostic: fileTooLarge(file, info.size, maxBytes), generated: startsAsGenerated(fd) };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    // A socket cannot be opened at all (ENXIO): it is as much "not a regular file" as a pipe.
    return { diagnostic: (error as NodeJS.ErrnoException).code === 'ENXIO' ? notRegular(file) : readFailure(file, error) };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Whether a file begins with the header of a file this tool generated (a report or the tracker page). */
function startsAsGenerated(fd: number): boolean {
  const head = Buffer.alloc(GENERATED_PREFIX.length + 3);
  const length = readSync(fd, head, 0, head.length, 0);
  return head
    .subarray(0, length)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .startsWith(GENERATED_PREFIX);
}

function notRegular(file: string): Diagnostic {
  return createDiagnostic({
    file,
    ruleId: 'schema/not-a-file',
    message: 'Not a regular file (a named pipe, device or socket); it is not read',
    expected: 'a plain file',
    note: 'Name the incident files themselves, or the folder that holds them.',
  });
}

function readFailure(file: string, error: unknown): Diagnostic {
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
 * rebuild recreates them and fsync per file dominates large builds, and take
 * the lean path of `replace-file.ts`.
 */
export async function writeFileSafely(absolute: string, contents: string, options: { durable?: boolean } = {}): Promise<void> {
  if (options.durable === false) return replaceFile(absolute, contents);
  await makeFolders(path.dirname(absolute));
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(absolute, contents, { encoding: 'utf8', fsync: options.durable ?? true });
}

/**
 * The templates of one scope, checked: a missing folder or a template with a
 * syntax error is the problem (nothing can render; the CLI exits 2), an
 * override that matches no template is a warning that travels along.
 */
async function loadChecked(folder: string | null, scope: TemplateScope, display: (file: string) => string): Promise<TemplatesLoaded> {
  // Loaded here, not with the workspace: checking the templates needs Handlebars, which validate and lint never use.
  const { checkTemplateFolder, loadTemplates, loadTrackerTemplates, MissingTemplatesError } = await import('./templates.js');
  try {
    const templates = await (scope === 'report' ? loadTemplates : loadTrackerTemplates)(folder);
    const diagnostics = folder ? await checkTemplateFolder(folder, scope, display) : [];
    const broken = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    if (!broken) return { templates, problem: null, diagnostics };
    const place = broken.line === null ? broken.file : `${broken.file}:${broken.line}:${broken.column}`;
    return { templates: null, problem: `${place}: ${broken.message}`, diagnostics };
  } catch (error) {
    if (error instanceof MissingTemplatesError) return { templates: null, problem: error.message };
    throw error;
  }
}
