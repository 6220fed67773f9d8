/**
 * Reads the built-in templates shipped in `templates/`, then lets files of
 * the same name in the user's templates folder replace them, so a team can
 * restyle one section without copying the rest.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateSet } from '../render/render.js';
import { checkTemplateOverrides, type TemplateFile } from '../render/template-check.js';

/** `templates/` of the installed package (dist/io/ → ../../templates). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * The built-in templates, overridden by those in `userFolder` (absolute) when given.
 *
 * @example
 * const templates = await loadTemplates(null); // the built-ins
 */
export async function loadTemplates(userFolder: string | null): Promise<TemplateSet> {
  const set = requireBuiltIn(await readTemplateFolder(BUILT_IN_TEMPLATES));
  if (!userFolder) return set;
  const found = await stat(userFolder).catch(() => null);
  if (!found?.isDirectory()) throw new MissingTemplatesError(userFolder);
  const user = await readTemplateFolder(userFolder);
  return { report: user.report || set.report, partials: { ...set.partials, ...user.partials } };
}

/**
 * The tracker page's templates (`templates/report/tracker.hbs` and
 * `templates/report/partials/`), overridden by the same names under
 * `report/` in `userFolder` (absolute) when given.
 */
export async function loadTrackerTemplates(userFolder: string | null): Promise<TemplateSet> {
  const builtInSet = requireBuiltIn(await readTemplateFolder(path.join(BUILT_IN_TEMPLATES, 'report'), 'tracker.hbs'));
  if (!userFolder) return builtInSet;
  const found = await stat(userFolder).catch(() => null);
  if (!found?.isDirectory()) throw new MissingTemplatesError(userFolder);
  const user = await readTemplateFolder(path.join(userFolder, 'report'), 'tracker.hbs');
  return { report: user.report || builtInSet.report, partials: { ...builtInSet.partials, ...user.partials } };
}

/**
 * The configured templates folder does not exist (a configuration problem, not
 * a crash), or the package's own templates are missing (a broken install).
 */
export class MissingTemplatesError extends Error {
  override name = 'MissingTemplatesError';
  constructor(folder: string, builtIn = false) {
    super(
      builtIn
        ? `the built-in templates are missing from \`${folder}\`: the installation is incomplete; install postmortem again`
        : `the templates folder \`${folder}\` (from \`templates\` in the config) does not exist`,
    );
  }
}

/** The package's own set, which must have its main template: without it every report would be empty. */
function requireBuiltIn(set: TemplateSet): TemplateSet {
  if (set.report === '') throw new MissingTemplatesError(BUILT_IN_TEMPLATES, true);
  return set;
}

async function readTemplateFolder(folder: string, main = 'report.hbs'): Promise<TemplateSet> {
  const report = await readFile(path.join(folder, main), 'utf8').catch(() => '');
  const partials: Record<string, string> = {};
  const partialFolder = path.join(folder, 'partials');
  const names = await readdir(partialFolder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
    partials[name.slice(0, -'.hbs'.length)] = await readFile(path.join(partialFolder, name), 'utf8');
  }
  return { report, partials };
}

/** Which templates a command renders with: the report's (`report.hbs`, `partials/`) or the tracker page's (`report/`). */
export type TemplateScope = 'report' | 'tracker';

const inScope = (name: string, scope: TemplateScope) => name.startsWith('report/') === (scope === 'tracker');

/**
 * The problems of the `.hbs` files in `userFolder` (absolute) that belong to
 * `scope`: syntax errors, and names that match no built-in template.
 * `display` turns an absolute path into the one shown to the user.
 */
export async function checkTemplateFolder(userFolder: string, scope: TemplateScope, display: (file: string) => string): Promise<Diagnostic[]> {
  const builtIn = (await templateNames(BUILT_IN_TEMPLATES)).filter((name) => inScope(name, scope));
  const files: TemplateFile[] = [];
  for (const name of (await templateNames(userFolder)).filter((n) => inScope(n, scope))) {
    const file = path.join(userFolder, name);
    files.push({ name, file: display(file), text: await readFile(file, 'utf8') });
  }
  return checkTemplateOverrides(files, builtIn);
}

/** Every `.hbs` file under `folder`, relative, forward slashes, sorted. */
async function templateNames(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((name) => name.endsWith('.hbs'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}
