/**
 * The Workspace port: everything a workflow may ask of the outside world,
 * and nothing more. `io/workspace.ts` implements it on the disk; a test or
 * the GitHub Action can pass any object of this shape. Every path here is
 * relative to `root`, with forward slashes, exactly as it appears in output.
 *
 * @example
 * const { workspace } = await openWorkspace('/repo'); // io/
 * const result = await validateWorkflow(workspace, { paths: ['postmortems/'] });
 */
import type { Config } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateSet } from '../render/render.js';
import type { ReportOptions } from '../render/view.js';
import type { CheckedIncident, CheckOptions } from '../validate/check-incident.js';
import type { Incident } from '../incident/model.js';
import type { IdRecord } from './incident-ids.js';

/** The files PATHS name, and the names that matched nothing on disk. */
export interface FoundFiles {
  /** Paths relative to the root, sorted, without duplicates. */
  files: string[];
  /** Named paths that do not exist. */
  missing: string[];
}

/** The bytes of one file, or the diagnostic saying why it could not be read. */
/**
 * The bytes of a file, or why they were not read. `generated` marks a file past
 * the size limit that this tool wrote itself (its first line is the generated-file
 * header): lint skips those, as it skips every generated report.
 */
export type ReadResult = { bytes: Uint8Array } | { diagnostic: Diagnostic; generated?: boolean };

/** Templates ready to render with, or the problem that stops every render; `diagnostics` about the user's template files either way. */
export type TemplatesLoaded =
  { templates: TemplateSet; problem: null; diagnostics?: Diagnostic[] } | { templates: null; problem: string; diagnostics?: Diagnostic[] };

/**
 * A file checked in a worker thread: what `checkIncident` gives, as plain
 * data (the YAML syntax tree stays in the worker, so `source` and `input` are
 * null), plus the file's id record for the duplicate-id check.
 */
export type PooledCheck = CheckedIncident & { source: null; input: null; id: IdRecord };

/**
 * Worker threads for the CPU work of many files (parse + check, render).
 * Results come back in whatever order the caller awaits them; a worker that
 * stops becomes a diagnostic on the file it was checking, never a hang.
 */
export interface FilePool {
  /** How many worker threads share the work. */
  readonly size: number;
  /** `checkIncident` of the bytes in a worker. */
  check(file: string, bytes: Uint8Array, options: PoolCheckOptions): Promise<PooledCheck>;
  /** `renderReport` of a file checked with `keep`, in the worker that holds it (else in this thread). */
  render(incident: Incident, options: ReportOptions & { key: string }): Promise<string>;
  /** Stops every worker; the pool is unusable after. */
  close(): Promise<void>;
}

export interface PoolCheckOptions extends CheckOptions {
  /** Leave the model in the worker for `render` (build). */
  keep?: boolean;
  /** Send back no model, only the diagnostics and the id (validate): less to copy between threads. */
  diagnosticsOnly?: boolean;
}

/** What a pool's workers need, sent once when they start: `templates` for build's renders. */
export interface FilePoolRequest {
  /** How many files the run will hand the pool: below the measured threshold there is no pool. */
  files: number;
  templates?: TemplateSet | null;
}

/**
 * Checks kept from earlier runs (`io/check-cache.ts` stores them on disk): a
 * check is a pure function of its inputs, so one whose key matches is served
 * instead of parsing the file again. `workflows/check-cache.ts` computes the
 * keys; this port only stores what it is given.
 */
export interface CheckCache {
  /** The tool build the entries belong to: part of every key, so a new build never reads an old one's results. */
  readonly identity: string;
  /** The check stored for `file` under `key`, or undefined. */
  get(file: string, key: string): PooledCheck | undefined;
  /** Whether a check of `file` is stored under a key that starts with `prefix` (a run's variant): sizes the worker pool of a run. */
  has(file: string, prefix: string): boolean;
  set(file: string, key: string, check: PooledCheck): void;
  /** Writes the entries when any changed (temp file + rename); never throws: a cache that cannot be written is skipped. */
  save(): Promise<void>;
}

export interface Workspace {
  /** Repository root: where the config file was looked for and paths are shown from. */
  readonly root: string;
  readonly config: Config;
  /** The version of postmortem doing the work: part of each report's key, so an upgrade rebuilds them. */
  readonly toolVersion?: string;
  /**
   * A file stands for itself, a folder for every file in it (recursively) ending with one of `extensions`.
   * Paths are relative to where the command runs, or to the root with `fromRoot` (the configured folders).
   */
  findFiles(paths: readonly string[], extensions: readonly string[], options?: { fromRoot?: boolean }): Promise<FoundFiles>;
  readBytes(file: string): Promise<ReadResult>;
  /** The text of a file, or null when there is none (a report not built yet). */
  readTextIfExists(file: string): Promise<string | null>;
  exists(file: string): Promise<boolean>;
  /**
   * Writes atomically (temp file + rename). `durable` adds an fsync before the
   * rename, for files that cannot be regenerated; rendered reports skip it.
   * Rejects with an Error whose `code` is the system's (EACCES, EISDIR…).
   */
  writeText(file: string, text: string, options?: { durable?: boolean }): Promise<void>;
  /**
   * Null when new files can be written into `folder` (which may not exist yet), else why not:
   * asked before a run renders anything, so an unwritable target fails at once, with nothing written.
   */
  writableFolderProblem(folder: string): Promise<string | null>;
  /**
   * The templates to render with: built-ins, overridden by the configured folder. `problem` when that
   * folder is missing or a template in it has a syntax error; `diagnostics` say where (and warn about
   * overrides that match no template).
   */
  loadTemplates(): Promise<TemplatesLoaded>;
  /** The tracker page's templates (`templates/report/`), overridden under `report/` in the configured folder. */
  loadTrackerTemplates(): Promise<TemplatesLoaded>;
  /**
   * File → the date (YYYY-MM-DD) of the first commit that set `status: published`
   * in it, for the files under `folder`; null when there is no git history to read.
   */
  readPublicationDates(folder: string): Promise<ReadonlyMap<string, string> | null>;
  /**
   * The root's folder inside its git checkout, with a trailing slash (`docs/`), or
   * '' at the top of the checkout and outside git: links to a file on GitHub name
   * it from the repository's top, not from the root.
   */
  readCheckoutPrefix(): Promise<string>;
  /**
   * Worker threads for a run over `files` files, or null when this thread should do the work
   * (too few files for threads to pay for their start, threads turned off, or no worker entry).
   * The caller closes the pool when its run ends.
   */
  openFilePool?(request: FilePoolRequest): Promise<FilePool | null>;
  /** The check cache of this run, or null when it is off (`POSTMORTEM_CACHE=off`, no `node_modules`, no build identity). */
  openCheckCache?(): Promise<CheckCache | null>;
  /** A path (absolute, or relative to the root) as it is shown: relative to the root, forward slashes. */
  displayPath(file: string): string;
}
