/**
 * The built-in templates run from code Handlebars precompiled at build time
 * (src/render/precompiled-templates.ts, `npm run templates`). These tests
 * check that the committed file matches the templates, and that rendering
 * from it gives what compiling the same templates at run time gives, for the
 * built-ins and for a set with one partial overridden.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { loadTemplates, loadTrackerTemplates } from '../../src/io/templates.js';
import { compileTemplateSet, type TemplateSet } from '../../src/render/render.js';
import { buildReportView } from '../../src/render/view.js';
import { PRECOMPILED_TEMPLATES } from '../../src/render/precompiled-templates.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { PRECOMPILED_FILE, precompiledTemplatesSource } from '../../scripts/precompile-templates.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('precompiled built-in templates', () => {
  it(`${PRECOMPILED_FILE} is up to date (run \`npm run templates\` if not)`, async () => {
    expect(await readFile(path.join(root, PRECOMPILED_FILE), 'utf8')).toBe(await precompiledTemplatesSource());
  });

  it.each([
    ['the report templates', () => loadTemplates(null)],
    ['the tracker page templates', () => loadTrackerTemplates(null)],
  ])('cover every one of %s', async (_name, load) => {
    const set = await load();
    const precompiled = new Set(PRECOMPILED_TEMPLATES.map(([source]) => source));
    expect([set.report, ...Object.values(set.partials)].filter((source) => !precompiled.has(source))).toEqual([]);
  });

  it.each<[string, (set: TemplateSet) => TemplateSet]>([
    ['the built-ins', (set) => set],
    [
      'one partial overridden',
      (set) => ({ ...set, partials: { ...set.partials, lessons: '## What we learned\n\n{{#each lessons}}\n- {{inline this.title}}\n{{/each}}\n' } }),
    ],
  ])('render as compiling at run time does: %s', async (_name, change) => {
    const checked = checkIncident('incident.yaml', await readFile(path.join(root, 'test/fixtures/render-hostile-text/incident.yaml')), DEFAULT_CONFIG);
    const view = buildReportView(checked.incident!, {});
    const set = change(await loadTemplates(null));
    expect(compileTemplateSet(set)(view)).toBe(compileTemplateSet(set, new Map())(view));
  });
});
