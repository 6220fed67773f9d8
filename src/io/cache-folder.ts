/**
 * Where the check cache lives (`io/check-cache.ts` reads and writes it): the
 * usual place of tools' caches, `node_modules/.cache/<tool>/`, when the
 * repository has a `node_modules`; elsewhere only when asked. Apart from the
 * store, so a run that has no cache never loads it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the cache lives, from the environment read by the CLI. */
export interface CacheSetting {
  /** The tool build (`embeddedBuildIdentity`); null: no cache. */
  identity: string | null;
  /** `POSTMORTEM_CACHE=off`. */
  off?: boolean;
  /** `POSTMORTEM_CACHE_DIR`, relative to `cwd`; default `<root>/node_modules/.cache/postmortem/` when `node_modules` exists. */
  dir?: string | null;
}

/** The cache folder for a workspace at `root`, or null when the cache is off. */
export function cacheFolder(root: string, cwd: string, setting: CacheSetting | undefined): string | null {
  if (!setting || setting.off || !setting.identity) return null;
  if (setting.dir) return path.resolve(cwd, setting.dir);
  const modules = path.join(root, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'postmortem') : null;
}
