/**
 * Where the package's docs are, as a reader of the CLI's output should see
 * them. Diagnostics link to `docs/rules.md#…` and say "see docs/format.md";
 * those paths are right in this repository, but in a repository that
 * installed the package the docs are under `node_modules/postmortems/docs/`.
 *
 * @example
 * docsFolderFor('/home/me/ops') // 'node_modules/postmortems/docs/' when installed there, else 'docs/'
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `docs/` of the installed package (dist/io/ → ../../docs). */
const PACKAGE_DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

/** The docs folder relative to `cwd` with a trailing slash, when the package is an installed dependency; else `docs/`. */
export function docsFolderFor(cwd: string, docs: string = PACKAGE_DOCS): string {
  if (!docs.split(path.sep).includes('node_modules')) return 'docs/';
  const relative = path.relative(cwd, docs).split(path.sep).join('/');
  return relative.endsWith('/') ? relative : `${relative}/`;
}
