/**
 * Which of a pull request's files the check reads: the incident files and
 * Markdown post-mortems it adds or changes inside the configured paths.
 * Removed files are gone and have nothing to check, but an incident file the
 * pull request removes or renames may leave its generated report behind.
 *
 * @example
 * selectChangedFiles([{ path: 'postmortems/a.yaml', status: 'modified', previousPath: null }], ['postmortems'])
 * // → ['postmortems/a.yaml']
 */
import type { ChangedFile } from '../io/github/pull-request.js';

const CHECKED_EXTENSIONS = /\.(ya?ml|md)$/i;
const INCIDENT_EXTENSIONS = /\.ya?ml$/i;

/** Paths inside `scope` (files or folders, relative to the root), sorted, without removed files. */
export function selectChangedFiles(changed: readonly ChangedFile[], scope: readonly string[]): string[] {
  const inScope = scopeTest(scope);
  const picked = changed.filter((file) => file.status !== 'removed' && CHECKED_EXTENSIONS.test(file.path) && inScope(file.path)).map((file) => file.path);
  return [...new Set(picked)].sort();
}

/** The incident files inside `scope` that the pull request removes, or renames away from (their old paths), sorted. */
export function selectRemovedIncidentFiles(changed: readonly ChangedFile[], scope: readonly string[]): string[] {
  const inScope = scopeTest(scope);
  const gone = changed.flatMap((file) => (file.status === 'removed' ? [file.path] : file.status === 'renamed' && file.previousPath ? [file.previousPath] : []));
  return [...new Set(gone.filter((file) => INCIDENT_EXTENSIONS.test(file) && inScope(file)))].sort();
}

function scopeTest(scope: readonly string[]): (file: string) => boolean {
  const roots = scope.map((entry) => entry.replace(/^\.\//, '').replace(/\/+$/, '')).filter((entry) => entry !== '');
  return (file) => roots.length === 0 || roots.some((root) => root === '.' || file === root || file.startsWith(`${root}/`));
}
