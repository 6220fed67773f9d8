/**
 * Reads the built-in templates shipped in `templates/`, then lets files of
 * the same name in the user's templates folder replace them, so a team can
 * restyle one section without copying the rest.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSet } from '../render/render.js';

/** `templates/` of the installed package (dist/io/ → ../../templates). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * The built-in templates, overridden by those in `userFolder` (absolute) when given.
 *
 * @example
 * const templates = await loadTemplates(null); // the built-ins
 */
export async function loadTemplates(userFolder: string | null): Promise<TemplateSet> {
  const set = await readTemplateFolder(BUILT_IN_TEMPLATES);
  if (!userFolder) return set;
  const found = await stat(userFolder).catch(() => null);
  if (!found?.isDirectory()) throw new MissingTemplatesError(userFolder);
  const user = await readTemplateFolder(userFolder);
  return { report: user.report || set.report, partials: { ...set.partials, ...user.partials } };
}

/** The configured templates folder does not exist: a configuration problem, not a crash. */
export class MissingTemplatesError extends Error {
  override name = 'MissingTemplatesError';
  constructor(folder: string) {
    super(`the templates folder \`${folder}\` (from \`templates\` in the config) does not exist`);
  }
}

async function readTemplateFolder(folder: string): Promise<TemplateSet> {
  const report = await readFile(path.join(folder, 'report.hbs'), 'utf8').catch(() => '');
  const partials: Record<string, string> = {};
  const partialFolder = path.join(folder, 'partials');
  const names = await readdir(partialFolder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
    partials[name.slice(0, -'.hbs'.length)] = await readFile(path.join(partialFolder, name), 'utf8');
  }
  return { report, partials };
}
