/**
 * The target of the `# yaml-language-server: $schema=…` line that `new` and
 * `import` write at the top of an incident file, relative to that file: this
 * repository's own `schema/` when the workspace has one (a checkout of
 * postmortem), else the installed package's copy, so editors find the schema
 * in a user's repository too. One function, so the two commands cannot drift.
 *
 * @example
 * await editorSchemaPath(workspace, 'postmortems/2024-01-15-checkout.yaml')
 * // → '../node_modules/postmortems/schema/postmortem.schema.json' in a user's repository
 */
import path from 'node:path';
import type { Workspace } from './workspace.js';

const OWN_SCHEMA = 'schema/postmortem.schema.json';
const PACKAGE_SCHEMA = 'node_modules/postmortems/schema/postmortem.schema.json';

export async function editorSchemaPath(workspace: Pick<Workspace, 'root' | 'exists'>, file: string): Promise<string> {
  const target = (await workspace.exists(OWN_SCHEMA)) ? OWN_SCHEMA : PACKAGE_SCHEMA;
  // Resolved from the root, so a file written outside it (`import --out /elsewhere`) still points at the root's copy.
  const from = path.dirname(path.resolve(workspace.root, file));
  return path.relative(from, path.resolve(workspace.root, target)).split(path.sep).join('/');
}
