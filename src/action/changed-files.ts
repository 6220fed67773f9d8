/**
 * Which of a pull request's files the check reads: the incident files and
 * Markdown post-mortems it adds or changes inside the configured paths.
 * Removed files are gone and have nothing to check.
 *
 * @example
 * selectChangedFiles([{ path: 'postmortems/a.yaml', status: 'modified', previousPath: null }], ['postmortems'])
 * // → ['postmortems/a.yaml']
 */
import type { ChangedFile } from '../io/github/pull-request.js';

const CHECKED_EXTENSIONS = /\.(ya?ml|md)$/i;

/** Paths inside `scope` (files or folders, relative to the root), sorted, without removed files. */
export function selectChangedFiles(changed: readonly ChangedFile[], scope: readonly string[]): string[] {
  const roots = scope.map((entry) => entry.replace(/^\.\//, '').replace(/\/+$/, '')).filter((entry) => entry !== '');
  const inScope = (file: string) => roots.length === 0 || roots.some((root) => root === '.' || file === root || file.startsWith(`${root}/`));
  const picked = changed.filter((file) => file.status !== 'removed' && CHECKED_EXTENSIONS.test(file.path) && inScope(file.path)).map((file) => file.path);
  return [...new Set(picked)].sort();
}
