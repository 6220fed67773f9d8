/**
 * Steps every command repeats: open the workspace (config errors exit 2)
 * and print diagnostics in the requested format.
 */
import { UsageError, type CommandIO, type ExitCode } from '../command.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format/index.js';
import { openWorkspaceFrom } from '../../io/workspace.js';
import { parseWorkerSetting } from '../../io/worker-setting.js';
import { embeddedBuildIdentity } from '../../io/build-identity.js';
import type { CacheSetting } from '../../io/cache-folder.js';
import type { Workspace } from '../../workflows/workspace.js';

/** The help line for `POSTMORTEM_WORKERS`, which every command that checks many files reads. */
export const WORKERS_VARIABLE = [
  'POSTMORTEM_WORKERS',
  'worker threads for large runs: `auto` (default: past 1,000 files, 500 for build, one per core but one, beside this thread), `0` (one thread), `N` workers, or `N+main` (N workers and this thread)',
] as const;

/** The help lines for the check cache's variables (validate and report read them). */
export const CACHE_VARIABLES = [
  [
    'POSTMORTEM_CACHE',
    '`off` checks every file again; default `on` (`off` under CI, whose fresh checkouts would only fill it): unchanged files reuse their last check (in node_modules/.cache/postmortem/)',
  ],
  ['POSTMORTEM_CACHE_DIR', 'folder for the check cache instead (a CI cache, or a repository without node_modules)'],
] as const;

/** The check cache as the environment sets it; a value other than `on`/`off` is a usage error. */
function cacheSetting(io: CommandIO): CacheSetting {
  const value = io.env.POSTMORTEM_CACHE?.trim().toLowerCase() ?? '';
  if (!['', 'on', 'off'].includes(value)) throw new UsageError(`POSTMORTEM_CACHE takes \`on\` or \`off\`; got \`${io.env.POSTMORTEM_CACHE}\``);
  const identity = io.buildIdentity === undefined ? embeddedBuildIdentity() : io.buildIdentity;
  const dir = io.env.POSTMORTEM_CACHE_DIR || null;
  // A CI job starts from a clean checkout: a cache it fills is thrown away with it, so it is only worth its cost
  // when the job keeps it (POSTMORTEM_CACHE=on, or a POSTMORTEM_CACHE_DIR the job restores).
  const inCi = !['', '0', 'false'].includes(io.env.CI?.trim().toLowerCase() ?? '');
  return { identity, off: value === 'off' || (value === '' && dir === null && inCi), dir };
}

/** The workspace, or null after printing why the configuration is unusable. */
export async function openOrReport(io: CommandIO): Promise<Workspace | null> {
  const workers = parseWorkerSetting(io.env.POSTMORTEM_WORKERS);
  if (workers === null)
    throw new UsageError(
      `POSTMORTEM_WORKERS takes \`auto\`, \`0\` (one thread), a number of worker threads or \`N+main\` (N workers and the main thread); got \`${io.env.POSTMORTEM_WORKERS}\``,
    );
  const { workspace, diagnostics } = await openWorkspaceFrom(io.cwd, { workers, cache: cacheSetting(io) });
  if (!workspace) io.stderr(formatDiagnostics(diagnostics, 'text', { colour: io.isTTY }));
  return workspace;
}

/** `--max-warnings N`: a whole number >= 0, or undefined when not given. */
export function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number >= 0; got \`${value}\``);
  return Number(value);
}

/** The contract's exit status: 1 for any error, or for more warnings than allowed; else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], maxWarnings?: number): ExitCode {
  if (hasErrors(diagnostics)) return 1;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return maxWarnings !== undefined && warnings > maxWarnings ? 1 : 0;
}

/** A workflow's problem with the request becomes a usage error (exit 2); none, and the value passes through. */
export function orUsageError<T extends { problem: string | null }>(result: T): T & { problem: null } {
  if (result.problem !== null) throw new UsageError(result.problem);
  return result as T & { problem: null };
}

/** `--format F`: one of `allowed` (default text), else a usage error. */
export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  const format = (value ?? 'text') as T;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}; got \`${value}\``);
  return format;
}

/** `--now ISO` or `POSTMORTEM_NOW`: an ISO 8601 date or instant; null when neither is set. */
export function parseNow(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Date | null {
  const given = flag ?? env.POSTMORTEM_NOW;
  if (given === undefined || given === '') return null;
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(given) ? new Date(`${given}T00:00:00Z`) : new Date(given);
  if (!/^\d{4}-\d{2}-\d{2}/.test(given) || Number.isNaN(instant.getTime())) {
    throw new UsageError(`${flag !== undefined ? '--now' : 'POSTMORTEM_NOW'} takes an ISO 8601 date or time such as \`2024-07-01\`; got \`${given}\``);
  }
  return instant;
}
