/**
 * Facts about the installed package itself, read from its package.json
 * (for `postmortem --version`).
 */
import { readFile } from 'node:fs/promises';

/** The `version` of the installed package (dist/io/ → ../../package.json). */
export async function readPackageVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
