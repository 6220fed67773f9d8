/**
 * The rule catalogue covers every rule id any code emits, every entry points
 * at a heading that exists, SARIF describes every rule from it, and
 * docs/rules.md is what the catalogue generates (`npm run rules-doc`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, headingAnchor, ruleEntry } from '../../src/diagnostics/catalogue.js';
import { catalogueMarkdown } from '../../src/diagnostics/catalogue-doc.js';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { buildSarif } from '../../src/diagnostics/format/sarif.js';
import { RULES as LINT_RULES } from '../../src/diagnostics/lint-rules.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (relative: string) => readFileSync(path.join(ROOT, relative), 'utf8');
const SOURCES = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
/** Code without comments: a doc example may mention a misspelt id on purpose. */
const code = SOURCES.map((f) =>
  read(path.join('src', f))
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, ''),
).join('\n');
const emitted = [...new Set([...code.matchAll(/'((?:schema|build|sync|timeline|import|blame|structure)\/[a-z-]+)'/g)].map((m) => m[1]!))].sort();

describe('the rule catalogue', () => {
  it('finds the ids in the code (the scan works)', () => {
    expect(emitted).toEqual(
      expect.arrayContaining([
        'schema/required',
        'build/write-failed',
        'sync/conflict',
        'timeline/no-matches',
        'import/missing-field',
        'blame/judgement',
        'structure/lessons',
      ]),
    );
  });

  it.each(emitted)('has an entry for %s, which the code emits', (id) => {
    expect(ruleEntry(id)).toBeDefined();
  });

  it('has an entry for every lint rule and no id twice', () => {
    const ids = CATALOGUE.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(Object.keys(LINT_RULES)));
  });

  it.each(CATALOGUE.map((entry) => [entry.id, entry.url] as const))('%s is documented at %s, a heading that exists', (_id, url) => {
    const [page, anchor] = url.split('#');
    const headings = read(page!)
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line));
    expect(headings.map((line) => headingAnchor(line.replace(/^#+ /, '')))).toContain(anchor);
  });

  it('stamps the docs URL on every diagnostic', () => {
    expect(createDiagnostic({ file: 'a.yaml', ruleId: 'schema/required', message: 'm' }).url).toBe('docs/rules.md#schemarequired');
  });

  it('gives SARIF a described rule, with help text, for every id', () => {
    const diagnostics = CATALOGUE.map((entry) => createDiagnostic({ file: 'a.yaml', ruleId: entry.id, message: 'm' }));
    const rules = buildSarif(diagnostics).runs[0]!.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(CATALOGUE.map((entry) => entry.id).sort());
    for (const rule of rules) expect(rule.help?.text).toMatch(/See docs\//);
  });

  it('generates docs/rules.md (run `npm run rules-doc` if this fails)', () => {
    expect(read('docs/rules.md')).toBe(catalogueMarkdown());
  });
});
