/**
 * Facts about the installed package itself, read from its package.json
 * (for `postmortem --version`).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** The `version` of the installed package (dist/io/ → ../../package.json). */
export async function readPackageVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

let cachedVersion: string | undefined;

/** The same version, read once and synchronously (for the workspace, which is built synchronously); 'unknown' when unreadable. */
export function packageVersionSync(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      cachedVersion = 'unknown';
    }
  }
  return cachedVersion;
}
