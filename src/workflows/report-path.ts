/**
 * Where an incident's rendered report goes, one rule for build, show and the
 * tracker's links: beside the YAML file, or in the reports folder under the
 * same name with `.md`.
 *
 * @example
 * reportPathFor('postmortems/2024-01-15-checkout.yaml', null) // → 'postmortems/2024-01-15-checkout.md'
 * reportPathFor('postmortems/2024-01-15-checkout.yaml', 'docs/reports') // → 'docs/reports/2024-01-15-checkout.md'
 */
import path from 'node:path';

/** The report path of `file`; `outDir` is relative to the root, or null for beside the file. */
export function reportPathFor(file: string, outDir: string | null): string {
  const name = `${path.posix.basename(file).replace(/\.ya?ml$/i, '')}.md`;
  return outDir ? path.posix.join(outDir.split(path.sep).join('/'), name) : path.posix.join(path.posix.dirname(file), name);
}
